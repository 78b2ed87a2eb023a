// Included by the harnesses whose loaders warn about what they accept (non-finite samples, folder
// disagreements...): only errors are printed, so that millions of executions neither fill the
// fuzz log nor spend their time formatting warnings.
#pragma once
#include "common/Log.h"

namespace wtm::fuzz {
inline const bool kQuietLog = (wtm::log::setThreshold(wtm::log::Level::Error), true);
}  // namespace wtm::fuzz
