/* Mapper blob parsing on the device (see npu_blob.h). */
#include "npu_blob.h"

#include <string.h>

#include "npu_driver.h"

/* ---- a minimal JSON walker over [p, end) ---- */

typedef struct {
  const char *p, *end;
} span;

static const char *skip_ws(const char *p, const char *e) {
  while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
  return p;
}

/* End of the value starting at p (after skipping blanks), or NULL when malformed. */
static const char *skip_value(const char *p, const char *e) {
  p = skip_ws(p, e);
  if (p >= e) return NULL;
  if (*p == '"') {
    for (++p; p < e; ++p) {
      if (*p == '\\') ++p;
      else if (*p == '"') return p + 1;
    }
    return NULL;
  }
  if (*p == '{' || *p == '[') {
    int depth = 0;
    for (; p < e; ++p) {
      if (*p == '"') {
        p = skip_value(p, e);
        if (!p) return NULL;
        --p;
      } else if (*p == '{' || *p == '[') {
        ++depth;
      } else if (*p == '}' || *p == ']') {
        if (--depth == 0) return p + 1;
      }
    }
    return NULL;
  }
  while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n') ++p;
  return p;
}

/* Value of `key` in the object `obj` (which starts with '{'). */
static int obj_get(span obj, const char *key, span *val) {
  const size_t klen = strlen(key);
  const char *p = skip_ws(obj.p, obj.end);
  if (p >= obj.end || *p != '{') return 0;
  ++p;
  for (;;) {
    p = skip_ws(p, obj.end);
    if (p >= obj.end || *p == '}') return 0;
    const char *k = p;
    const char *ke = skip_value(p, obj.end);
    if (!ke || *k != '"') return 0;
    p = skip_ws(ke, obj.end);
    if (p >= obj.end || *p != ':') return 0;
    const char *v = skip_ws(p + 1, obj.end);
    const char *ve = skip_value(v, obj.end);
    if (!ve) return 0;
    if ((size_t)(ke - k) == klen + 2 && memcmp(k + 1, key, klen) == 0) {
      val->p = v;
      val->end = ve;
      return 1;
    }
    p = skip_ws(ve, obj.end);
    if (p < obj.end && *p == ',') ++p;
  }
}

/* Element `index` of the array `arr` (which starts with '['). */
static int arr_get(span arr, unsigned index, span *val) {
  const char *p = skip_ws(arr.p, arr.end);
  if (p >= arr.end || *p != '[') return 0;
  ++p;
  for (unsigned i = 0;; ++i) {
    p = skip_ws(p, arr.end);
    if (p >= arr.end || *p == ']') return 0;
    const char *ve = skip_value(p, arr.end);
    if (!ve) return 0;
    if (i == index) {
      val->p = p;
      val->end = ve;
      return 1;
    }
    p = skip_ws(ve, arr.end);
    if (p < arr.end && *p == ',') ++p;
  }
}

static int span_int(span v, int32_t *out) {
  const char *p = skip_ws(v.p, v.end);
  int neg = 0;
  if (p < v.end && *p == '-') {
    neg = 1;
    ++p;
  }
  if (p >= v.end || *p < '0' || *p > '9') return 0;
  int32_t x = 0;
  while (p < v.end && *p >= '0' && *p <= '9') x = x * 10 + (*p++ - '0');
  *out = neg ? -x : x;
  return 1;
}

static int span_is_string(span v, const char *s) {
  const size_t n = strlen(s);
  return (size_t)(v.end - v.p) == n + 2 && v.p[0] == '"' && memcmp(v.p + 1, s, n) == 0;
}

static int get_int(span obj, const char *key, int32_t *out) {
  span v;
  return obj_get(obj, key, &v) && span_int(v, out);
}

/* Decodes the base64 string value `v` into little-endian int32s; returns the count or -1. */
static int base64_ints(span v, int32_t *out, int max) {
  if (v.end - v.p < 2 || v.p[0] != '"') return -1;
  uint32_t acc = 0;
  int bits = 0, bytes = 0;
  uint8_t b[4];
  for (const char *p = v.p + 1; p < v.end - 1; ++p) {
    const char c = *p;
    int d;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    else if (c >= '0' && c <= '9') d = c - '0' + 52;
    else if (c == '+') d = 62;
    else if (c == '/') d = 63;
    else if (c == '=') break;
    else return -1;
    acc = (acc << 6) | (uint32_t)d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      b[bytes % 4] = (uint8_t)(acc >> bits);
      ++bytes;
      if (bytes % 4 == 0) {
        if (bytes / 4 > max) return -1;
        out[bytes / 4 - 1] =
            (int32_t)((uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) | ((uint32_t)b[3] << 24));
      }
    }
  }
  return bytes % 4 ? -1 : bytes / 4;
}

/* ---- the blob ---- */

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

const char *npu_blob_error_text(int code) {
  switch (code) {
    case NPU_BLOB_OK: return "ok";
    case NPU_BLOB_HEADER: return "bad container header";
    case NPU_BLOB_JSON: return "malformed JSON or missing key";
    case NPU_BLOB_BASE64: return "malformed base64 payload";
    case NPU_BLOB_RANGE: return "offset outside the raw area";
    case NPU_BLOB_TOO_BIG: return "more rounds than the driver holds";
    default: return "unknown error";
  }
}

int npu_model_load(uint8_t *blob, size_t blob_size, npu_model *m) {
  memset(m, 0, sizeof *m);
  if (blob_size < 12) return NPU_BLOB_HEADER;
  const uint32_t total = le32(blob), json_len = le32(blob + 4), raw_len = le32(blob + 8);
  if (total != json_len + raw_len || total > blob_size - 12 || json_len == 0) return NPU_BLOB_HEADER;
  /* De-obfuscation: key base in float32 as the runtime computes it, k = i mod 5 + base. */
  const float ratio = (float)json_len / (float)total;
  const int base = (int)(ratio * (float)raw_len) % 13;
  uint8_t *body = blob + 12;
  for (uint32_t i = 0; i < total; ++i) {
    const uint8_t k = (uint8_t)(i % 5 + (uint32_t)base);
    body[i] = (uint8_t)((body[i] ^ k) - k);
  }
  const span root = {(const char *)body, (const char *)body + json_len};
  m->raw = body + json_len;
  m->raw_len = raw_len;

  span v, nets, net, io, flows;
  if (obj_get(root, "version", &v) && v.end - v.p > 2) {
    size_t n = (size_t)(v.end - v.p - 2);
    if (n >= sizeof m->version) n = sizeof m->version - 1;
    memcpy(m->version, v.p + 1, n);
  }
  if (!obj_get(root, "nets", &nets) || !arr_get(nets, 0, &net)) return NPU_BLOB_JSON;
  int32_t a, l;
  if (!obj_get(net, "net_inputs", &v) || !arr_get(v, 0, &io) || !get_int(io, "addr", &a) || !get_int(io, "len", &l))
    return NPU_BLOB_JSON;
  m->in_addr = (uint16_t)a;
  m->in_len = (uint16_t)l;
  if (!obj_get(net, "net_outputs", &v) || !arr_get(v, 0, &io) || !get_int(io, "addr", &a) || !get_int(io, "len", &l))
    return NPU_BLOB_JSON;
  m->out_addr = (uint16_t)a;
  m->out_len = (uint16_t)l;
  if (a < 0 || a + l > NPU_REGFILE_BYTES || m->in_addr + m->in_len > NPU_REGFILE_BYTES) return NPU_BLOB_RANGE;

  if (!obj_get(net, "compute_flow", &flows)) return NPU_BLOB_JSON;
  int have_table = 0, have_flow = 0;
  span flow;
  for (unsigned f = 0; arr_get(flows, f, &flow); ++f) {
    span type;
    if (!obj_get(flow, "flow_type", &type)) return NPU_BLOB_JSON;
    if (span_is_string(type, "event")) {
      span events, ev, et;
      if (!obj_get(flow, "event_config", &events)) continue;
      for (unsigned e = 0; arr_get(events, e, &ev); ++e) {
        if (!obj_get(ev, "type", &et) || !span_is_string(et, "round")) continue;
        int32_t d[3];
        if (!obj_get(ev, "data", &v) || base64_ints(v, d, 3) != 3) return NPU_BLOB_BASE64;
        if (d[0] < 0 || d[1] < 0 || (uint32_t)d[0] + (uint32_t)d[1] > raw_len || d[1] % 4) return NPU_BLOB_RANGE;
        if (d[1] / 4 > NPU_MODEL_MAX_WORDS) return NPU_BLOB_TOO_BIG;
        m->round_word_count = (unsigned)d[1] / 4;
        for (unsigned w = 0; w < m->round_word_count; ++w) m->round_words[w] = le32(m->raw + d[0] + 4 * w);
        have_table = 1;
      }
    } else if (span_is_string(type, "all_round") && !have_flow) {
      int32_t b[7];
      if (!obj_get(flow, "base", &v) || base64_ints(v, b, 7) != 7) return NPU_BLOB_BASE64;
      /* BaseInfo: fifo_en, fifo_update_len, round_cfg_start (bytes), round_cfg_len, bit width,
       * round_start, round_num. */
      if (b[2] < 0 || b[2] % 8 || b[5] < 0 || b[6] <= 0) return NPU_BLOB_JSON;
      if (b[6] > NPU_MODEL_MAX_ROUNDS) return NPU_BLOB_TOO_BIG;
      m->start_entry = (unsigned)b[2] / 8;
      m->first_round = (unsigned)b[5];
      m->end_round = (unsigned)(b[5] + b[6]);
      span diffs, d;
      if (obj_get(flow, "diff", &diffs))
        for (unsigned k = 0; arr_get(diffs, k, &d); ++k) {
          int32_t di[23];
          if (!obj_get(d, "data", &v) || base64_ints(v, di, 23) != 23) return NPU_BLOB_BASE64;
          /* DiffInfo: [0] round index, [19] table type (LUT slot), [20]/[21] LUT offset/length. */
          const int32_t r = di[0] - b[5];
          if (r < 0 || r >= NPU_MODEL_MAX_ROUNDS) continue;
          if (di[19] != 1 && di[19] != 2) continue;
          if (di[20] < 0 || di[21] != 256 || (uint32_t)di[20] + 256 > raw_len) return NPU_BLOB_RANGE;
          m->lut_slot[r] = (uint8_t)di[19];
          m->lut[r] = m->raw + di[20];
        }
      have_flow = 1;
    }
  }
  if (!have_table || !have_flow) return NPU_BLOB_JSON;
  npu_set_pause_flags(m->round_words, m->round_word_count);
  return NPU_BLOB_OK;
}

void npu_model_install(const npu_model *m) { npu_round_write(0, m->round_words, m->round_word_count); }

static void load_round_lut(unsigned round, void *ctx) {
  const npu_model *m = (const npu_model *)ctx;
  const unsigned r = round - m->first_round;
  if (r < NPU_MODEL_MAX_ROUNDS && m->lut_slot[r]) npu_lut_write(m->lut_slot[r], m->lut[r]);
}

int npu_model_infer(const npu_model *m, const uint8_t *input, uint8_t *output, int use_wfi) {
  npu_regfile_write(m->in_addr, input, m->in_len);
  load_round_lut(m->first_round, (void *)m);
  const int rc =
      npu_run_rounds(m->start_entry, m->first_round, m->end_round, load_round_lut, (void *)m, use_wfi, 10000000u);
  npu_regfile_read(m->out_addr, output, m->out_len);
  return rc;
}
