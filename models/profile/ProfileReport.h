// The text forms of a cycle profile: the table per function and the folded stacks.
#pragma once
#include <ostream>

#include "profile/ProfileData.h"

namespace wtm::profile {

// Totals, then one row per frame by exclusive cycles (exclusive, %, inclusive, %, instructions,
// calls, name), then sleep by function and MMIO stalls by peripheral. The exclusive column adds
// up to the total cycles, which the last line states.
void writeProfileTable(const ProfileData& data, std::ostream& out);

// "main;foo;bar 1234" per stack with cycles of its own: the collapsed format of flamegraph.pl
// and speedscope. The counts add up to the total cycles.
void writeFoldedStacks(const ProfileData& data, std::ostream& out);

// A frame name made safe for one folded line: ';' separates frames and the line ends at a
// newline, so these become ':' and '_'.
std::string foldedName(const std::string& name);

}  // namespace wtm::profile
