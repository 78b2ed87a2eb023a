// The Python module on the NPU model's library: a mapper output folder run through the ideal or
// non-ideal what-if model (the knobs of wtm-sweep, by the same names), with per-layer outputs as
// numpy arrays and the error metrics wtm-sweep reports. No numeric code here: it binds
// npu::WhatIfEvaluator, npu::compareWithIdeal and the sweep's knob parser.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <string>

#include "LabelsFile.h"
#include "SweepGrid.h"
#include "SweepRunner.h"
#include "common/InputError.h"
#include "npu/mapper/MapperOutput.h"
#include "npu/whatif/WhatIfEvaluator.h"
#include "npu/whatif/WhatIfMetrics.h"

namespace py = pybind11;
using namespace wtm;

namespace {

// Labels as the CLI takes them: class indices; fewer than the frames is worth a warning (the
// accuracy then counts the labelled frames only).
void checkLabelsFor(const std::optional<std::vector<int>>& labels, std::size_t frames) {
  if (!labels) return;
  sweep::checkLabels(*labels, "labels");
  if (labels->size() < frames) {
    const std::string text = std::to_string(labels->size()) + " labels for " + std::to_string(frames) +
                             " frames; accuracy counts the labelled frames only";
    if (PyErr_WarnEx(PyExc_UserWarning, text.c_str(), 1) != 0) throw py::error_already_set();
  }
}

// One net's frames as bytes. A uint8 array is taken as it is; any other numeric array must hold
// whole numbers 0..255 (a cast would wrap 300 to 44 or cut 1.7 to 1 without a word).
py::array_t<std::uint8_t, py::array::c_style> frameBytes(const py::handle& value, std::size_t net) {
  using Bytes = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;
  const py::array a = py::array::ensure(value);
  if (!a) throw InputError("inputs", "net " + std::to_string(net) + ": not an array");
  if (!a.dtype().is(py::dtype::of<std::uint8_t>())) {
    const char kind = a.dtype().kind();  // integers or reals only: no bools, complex or strings
    if (kind != 'u' && kind != 'i' && kind != 'f')
      throw InputError("inputs", "net " + std::to_string(net) + ": an array of " + std::string(py::str(a.dtype())) +
                                     ", not of bytes");
    const auto values = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(a);
    if (!values) throw InputError("inputs", "net " + std::to_string(net) + ": not a numeric array");
    const double* v = values.data();
    for (py::ssize_t i = 0; i < values.size(); ++i)
      if (!(v[i] >= 0 && v[i] <= 255 && v[i] == std::floor(v[i])))
        throw InputError("inputs", "net " + std::to_string(net) + ": value " + std::string(py::str(py::float_(v[i]))) +
                                       " (element " + std::to_string(i) + ") is not a byte 0..255");
  }
  return py::cast<Bytes>(a);
}

// Knob keyword arguments (adc_bits=8, noise_level=4, noise_model="mbs") into a WhatIfConfig, with
// wtm-sweep's parsing and checks; a knob given as a number or a string alike.
npu::WhatIfConfig configFrom(const py::kwargs& knobs) {
  npu::WhatIfConfig c;
  bool model = false, level = false, sigma = false;
  for (const auto& [key, value] : knobs) {
    const std::string keyword = py::str(key);
    std::string name = keyword;
    for (char& ch : name)
      if (ch == '_') ch = '-';
    const std::string text = py::str(value);
    try {
      sweep::setKnob(c, name, text);
    } catch (const InputError& e) {  // "--adc-bits: cause", named as the caller wrote it
      const std::string message = e.what(), option = "--" + name;
      throw InputError(message.rfind(option, 0) == 0 ? keyword + message.substr(option.size()) : message);
    }
    model |= name == "noise-model";
    level |= name == "noise-level";
    sigma |= name == "sigma";
  }
  sweep::implyNoiseModel(c, model, level, sigma);  // as wtm-sweep
  try {
    c.validate();
  } catch (const std::invalid_argument& e) {
    throw InputError("knobs", e.what());
  }
  return c;
}

template <typename T>
py::array_t<T> matrix(const std::vector<T>& values, std::size_t frames) {
  const std::size_t columns = frames ? values.size() / frames : 0;
  py::array_t<T> a({frames, columns});
  std::copy(values.begin(), values.end(), a.mutable_data());
  return a;
}

py::dict metricsDict(const npu::WhatIfEvaluator& evaluator, const npu::WhatIfMetrics& m) {
  py::list layers;
  for (std::size_t i = 0; i < m.layers.size(); ++i) {
    const auto& l = m.layers[i];
    layers.append(py::dict(py::arg("label") = evaluator.layers()[i].label, py::arg("mean") = l.mean,
                           py::arg("std") = l.std, py::arg("max") = l.maxAbs, py::arg("cos") = l.cosine,
                           py::arg("bit_exact") = l.exactRate));
  }
  py::dict d(py::arg("layers") = layers, py::arg("decision_agreement") = m.decisionAgreement);
  d["accuracy"] = m.accuracy ? py::cast(*m.accuracy) : py::none();
  return d;
}

// A loaded folder with its evaluator and its ideal run (computed once).
class Model {
 public:
  Model(const std::string& folder, std::size_t frames)
      : output_(std::make_unique<npu::MapperOutput>(npu::MapperOutput::load(folder))),
        evaluator_(std::make_unique<npu::WhatIfEvaluator>(*output_, frames)),
        ideal_(evaluator_->run(npu::WhatIfConfig{}, 1)) {}

  std::size_t frames() const { return evaluator_->frames(); }

  py::list layers() const {
    py::list out;
    for (const auto& l : evaluator_->layers())
      out.append(py::dict(py::arg("label") = l.label, py::arg("net") = l.net, py::arg("rows") = l.rows,
                          py::arg("columns") = l.columns, py::arg("gain") = l.gain));
    return out;
  }

  std::vector<int> netInputRows() const { return evaluator_->netInputRows(); }

  py::array_t<std::uint8_t> recordedInputs(std::size_t net) const {
    return matrix(evaluator_->recordedInputs(net), frames());
  }

  // One run: per array layer the pre-activation outputs (int8) and the stored bytes (uint8), both
  // frames x columns, how each layer fits, and the metrics against the ideal model (on the same
  // inputs). `inputs`: the caller's frames instead of the recorded ones, a frames x rows uint8
  // array for a one-net model or a list of them, one per net (see net_input_rows).
  py::dict run(std::uint64_t seed, const py::object& inputs, std::optional<std::vector<int>> labels,
               const py::kwargs& knobs) const {
    const npu::WhatIfConfig config = configFrom(knobs);
    std::optional<npu::FrameInputs> own;
    if (!inputs.is_none()) own = frameInputs(inputs);
    checkLabelsFor(labels, own ? own->frames : frames());
    npu::WhatIfRun r, ideal;
    const auto start = std::chrono::steady_clock::now();
    {
      py::gil_scoped_release release;  // other Python threads may run meanwhile
      r = evaluator_->run(config, seed, own ? &*own : nullptr);
      if (own) ideal = evaluator_->run(npu::WhatIfConfig{}, seed, &*own);
    }
    py::list pre, stored, fits;
    for (const auto& v : r.preActivation) pre.append(matrix(v, r.frames));
    for (const auto& v : r.stored) stored.append(matrix(v, r.frames));
    for (const auto& f : r.fits) fits.append(py::dict(py::arg("fits") = f.fits, py::arg("rounds") = f.rounds));
    const auto metrics = npu::compareWithIdeal(*evaluator_, own ? ideal : ideal_, r, labels ? &*labels : nullptr);
    // The C++ time of the call (model runs, array copies, metrics), for measuring what the
    // Python side adds around it (bench/python_overhead.py).
    const double nativeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    py::dict out(py::arg("pre_activation") = pre, py::arg("stored") = stored, py::arg("fits") = fits,
                 py::arg("metrics") = metricsDict(*evaluator_, metrics), py::arg("key") = config.key(),
                 py::arg("seed") = seed, py::arg("native_seconds") = nativeSeconds);
    if (own) {  // nothing recorded to compare with
      out["recorded_equal"] = py::none();
      out["recorded_compared"] = py::none();
    } else {
      const auto recorded = evaluator_->compareWithRecorded(r);
      out["recorded_equal"] = recorded.equal;
      out["recorded_compared"] = recorded.compared;
    }
    return out;
  }

  // numpy array(s) -> FrameInputs, shapes checked against the nets.
  npu::FrameInputs frameInputs(const py::object& inputs) const {
    std::vector<py::array_t<std::uint8_t, py::array::c_style>> arrays;
    // A list of arrays is one per net; a list of lists (rows of numbers) is one net's frames.
    const bool perNet = (py::isinstance<py::list>(inputs) || py::isinstance<py::tuple>(inputs)) &&
                        py::len(inputs) > 0 && py::isinstance<py::array>(inputs[py::int_(0)]);
    if (perNet)
      for (const auto& a : inputs) arrays.push_back(frameBytes(a, arrays.size()));
    else arrays.push_back(frameBytes(inputs, 0));
    const std::vector<int> rows = evaluator_->netInputRows();
    if (arrays.size() != rows.size())
      throw InputError("inputs", "one array per net: " + std::to_string(rows.size()) + " net(s), " +
                                     std::to_string(arrays.size()) + " given");
    npu::FrameInputs in;
    for (std::size_t n = 0; n < arrays.size(); ++n) {
      const auto& a = arrays[n];
      if (a.ndim() != 2 || a.shape(1) != rows[n])
        throw InputError("inputs",
                         "net " + std::to_string(n) + " takes a frames x " + std::to_string(rows[n]) + " array");
      const std::size_t f = static_cast<std::size_t>(a.shape(0));
      if (n == 0) in.frames = f;
      else if (f != in.frames) throw InputError("inputs", "every net's array needs the same number of frames");
      in.perNet.emplace_back(a.data(), a.data() + a.size());
    }
    if (in.frames == 0) throw InputError("inputs", "no frames");
    return in;
  }

  // A sweep point as wtm-sweep runs it: every seed it needs (one for a deterministic point), the
  // metrics of each.
  py::list point(unsigned seeds, std::uint64_t seedBase, std::optional<std::vector<int>> labels,
                 const py::kwargs& knobs) const {
    const npu::WhatIfConfig config = configFrom(knobs);
    if (seeds == 0) throw InputError("seeds", "must be at least 1");
    checkLabelsFor(labels, frames());
    py::list rows;
    for (std::uint64_t seed : sweep::seedsFor(config, seedBase, seeds)) {
      npu::WhatIfRun r;
      {
        py::gil_scoped_release release;
        r = evaluator_->run(config, seed);
      }
      py::dict row =
          metricsDict(*evaluator_, npu::compareWithIdeal(*evaluator_, ideal_, r, labels ? &*labels : nullptr));
      row["seed"] = seed;
      rows.append(row);
    }
    return rows;
  }

 private:
  std::unique_ptr<npu::MapperOutput> output_;
  std::unique_ptr<npu::WhatIfEvaluator> evaluator_;
  npu::WhatIfRun ideal_;
};

}  // namespace

PYBIND11_MODULE(_wtm2101, m) {
  m.doc() = "WTM2101 NPU model (the what-if model of wtm-sweep) on mapper output folders";
  py::register_exception<InputError>(m, "InputError", PyExc_ValueError);
  m.def(
      "knobs", [] { return sweep::knobNames(); }, "The knob names (keyword arguments use '_' for '-').");
  py::class_<Model>(m, "Model")
      .def(py::init<const std::string&, std::size_t>(), py::arg("folder"), py::arg("frames") = 0,
           "Loads a witin_mapper output folder (frames: at most this many recorded frames, 0 = all).")
      .def_property_readonly("frames", &Model::frames)
      .def_property_readonly("layers", &Model::layers)
      .def_property_readonly("net_input_rows", &Model::netInputRows,
                             "Rows of each net's first array layer (the width of its inputs).")
      .def("recorded_inputs", &Model::recordedInputs, py::arg("net") = 0,
           "The recorded inputs of a net's first array layer (frames x rows, uint8).")
      .def("run", &Model::run, py::arg("seed") = 1, py::arg("inputs") = py::none(), py::arg("labels") = py::none(),
           "Runs every frame (the recorded ones, or `inputs`) through the model with the given knobs.")
      .def("point", &Model::point, py::arg("seeds") = 1, py::arg("seed_base") = 1, py::arg("labels") = py::none(),
           "The metrics of a sweep point, one dict per seed, as wtm-sweep computes them.");
}
