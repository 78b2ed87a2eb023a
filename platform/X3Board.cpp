#include "X3Board.h"

#include <algorithm>
#include <cstdio>

namespace wtm::platform {

const std::vector<BoardPart>& x3Parts() {
  static const std::vector<BoardPart> parts = {
#define WTM_BOARD_PIN(name, gpio, kind, desc) {#name, gpio, std::string(#kind) == "LED_ACTIVE_LOW", desc},
#include "x3_board.def"
#undef WTM_BOARD_PIN
  };
  return parts;
}

std::string boardLogPrefix(const sc_core::sc_time& t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "[x3 %.6f ms] ", t.to_seconds() * 1e3);
  return buf;
}

X3Board::X3Board(sc_core::sc_module_name name, InputDriver drive, std::ostream* ledLog, std::vector<KeyPress> presses)
    : sc_core::sc_module(name),
      drive_(std::move(drive)),
      ledLog_(ledLog),
      presses_(std::move(presses)),
      pressDepth_(32, 0) {
  for (const BoardPart& p : x3Parts())
    if (p.isLed) leds_.push_back({p.name, p.gpio, false, 0});
  // Presses in time order; each becomes a press and a release event.
  std::stable_sort(presses_.begin(), presses_.end(), [](const KeyPress& a, const KeyPress& b) { return a.at < b.at; });
  SC_HAS_PROCESS(X3Board);
  SC_THREAD(keyThread);
  SC_METHOD(releaseDue);
  sensitive << releaseEvent_;
  dont_initialize();
}

void X3Board::pressNow(unsigned gpio, const sc_core::sc_time& hold) {
  pressKey(gpio, true);
  releases_.emplace(sc_core::sc_time_stamp() + hold, gpio);
  releaseEvent_.notify(releases_.begin()->first - sc_core::sc_time_stamp());
}

void X3Board::releaseDue() {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  while (!releases_.empty() && releases_.begin()->first <= now) {
    pressKey(releases_.begin()->second, false);
    releases_.erase(releases_.begin());
  }
  if (!releases_.empty()) releaseEvent_.notify(releases_.begin()->first - now);
}

void X3Board::outputChanged(unsigned gpio, bool level, const sc_core::sc_time& at, bool byPeripheral) {
  for (LedRecord& led : leds_) {
    if (led.gpio != gpio) continue;
    const bool on = !level;  // active low; an undriven pin reads high (off)
    if (on == led.on) return;
    led.on = on;
    ++led.toggles;
    if (!ledLog_) continue;
    if (!byPeripheral) {
      led.peripheralLogged = false;
      *ledLog_ << boardLogPrefix(at) << led.name << (on ? " on" : " off") << std::endl;
    } else if (!led.peripheralLogged) {
      led.peripheralLogged = true;
      *ledLog_ << boardLogPrefix(at) << led.name << (on ? " on" : " off")
               << ", driven by a peripheral through the pin mux: further changes counted, not logged" << std::endl;
    }
  }
}

void X3Board::pressKey(unsigned gpio, bool pressed) {
  int& depth = pressDepth_.at(gpio);
  const bool wasDown = depth > 0;
  depth += pressed ? 1 : -1;
  const bool isDown = depth > 0;
  if (wasDown != isDown) drive_(gpio, !isDown);  // active low: pressed pulls the pin to 0
}

void X3Board::keyThread() {
  // Keys idle high through their pull-ups.
  for (const BoardPart& p : x3Parts())
    if (!p.isLed) drive_(p.gpio, true);
  // Pending (time, gpio, press?) events, released after their hold.
  struct Event {
    sc_core::sc_time at;
    unsigned gpio;
    bool press;
  };
  std::vector<Event> events;
  for (const KeyPress& k : presses_) {
    events.push_back({k.at, k.pin, true});
    events.push_back({k.at + k.hold, k.pin, false});
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
  for (const Event& e : events) {
    if (e.at > sc_core::sc_time_stamp()) wait(e.at - sc_core::sc_time_stamp());
    pressKey(e.gpio, e.press);
  }
}

std::string X3Board::summary() const {
  std::string s;
  for (const LedRecord& led : leds_) {
    std::string label = "x3 " + led.name + " (GPIO" + std::to_string(led.gpio) + ")";
    label.resize(std::max<std::size_t>(label.size(), 17), ' ');  // the width of the other --stats labels
    s += label + ": " + (led.on ? "on" : "off") + ", " + std::to_string(led.toggles) + " change(s)\n";
  }
  return s;
}

}  // namespace wtm::platform
