#include "npu/Gemm.h"

#include <omp.h>
#include <oneapi/dnnl/dnnl.h>

#include <stdexcept>
#include <string>

namespace wtm::npu::gemm {
namespace {

// oneDNN (Debian's build) threads with OpenMP, whose thread count is a per-thread setting: set it
// in every calling thread, not once.
void singleThreaded() { omp_set_num_threads(1); }

void check(dnnl_status_t status, const char* what) {
  if (status != dnnl_success)
    throw std::runtime_error(std::string("oneDNN ") + what + " failed, status " + std::to_string(int(status)));
}

dnnl_dim_t dim(std::size_t v) { return static_cast<dnnl_dim_t>(v); }

}  // namespace

bool exactInt8Available() {
  static const bool available = [] {
    const unsigned isa = static_cast<unsigned>(dnnl_get_effective_cpu_isa());
    // The ISA values are bit sets; these bits stand for the 8-bit dot product (AVX-512 VNNI,
    // AVX-VNNI) and are present in every later ISA value.
    constexpr unsigned kAvx512Vnni =
        static_cast<unsigned>(dnnl_cpu_isa_avx512_core_vnni) & ~static_cast<unsigned>(dnnl_cpu_isa_avx512_core);
    constexpr unsigned kAvx2Vnni =
        static_cast<unsigned>(dnnl_cpu_isa_avx2_vnni) & ~static_cast<unsigned>(dnnl_cpu_isa_avx2);
    return (isa & kAvx512Vnni) != 0 || (isa & kAvx2Vnni) != 0;
  }();
  return available;
}

void u8s8(const std::uint8_t* a, std::size_t lda, const std::int8_t* b, std::size_t ldb, std::int32_t* c,
          std::size_t ldc, std::size_t m, std::size_t n, std::size_t k) {
  singleThreaded();
  const std::int32_t noOffset = 0;
  check(dnnl_gemm_u8s8s32('N', 'N', 'F', dim(m), dim(n), dim(k), 1.0f, a, dim(lda), 0, b, dim(ldb), 0, 0.0f, c,
                          dim(ldc), &noOffset),
        "u8 x s8 product");
}

void f32(const float* a, std::size_t lda, const float* b, std::size_t ldb, float* c, std::size_t ldc, std::size_t m,
         std::size_t n, std::size_t k) {
  singleThreaded();
  check(dnnl_sgemm('N', 'N', dim(m), dim(n), dim(k), 1.0f, a, dim(lda), b, dim(ldb), 0.0f, c, dim(ldc)),
        "float product");
}

}  // namespace wtm::npu::gemm
