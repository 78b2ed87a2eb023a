// The X3 evaluation board around the SoC (reference/soc.md §6): LEDs on GPIO outputs (logged with
// their simulated time), keys on GPIO inputs (pulled up, pressed from a script), as declared in
// x3_board.def. It knows the SoC only through two hooks, so any GPIO model can sit behind it.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <systemc>

#include "KeyScript.h"

namespace wtm::platform {

struct BoardPart {
  const char* name;  // "LED0"
  unsigned gpio;
  bool isLed;  // else a key
  const char* description;
};
const std::vector<BoardPart>& x3Parts();
// "[x3 1000.000000 ms] ": how every line of the board's part log (--leds) starts.
std::string boardLogPrefix(const sc_core::sc_time& at);

class X3Board : public sc_core::sc_module {
 public:
  // Drives a GPIO input pin of the SoC to a level.
  using InputDriver = std::function<void(unsigned gpio, bool level)>;

  // `ledLog` receives one line per LED change (nullptr: not logged).
  X3Board(sc_core::sc_module_name name, InputDriver drive, std::ostream* ledLog, std::vector<KeyPress> presses);

  // Presses a key now (kernel context, e.g. from the terminal) and releases it after `hold`.
  void pressNow(unsigned gpio, const sc_core::sc_time& hold);

  // Called by the GPIO model whenever an output pin changes level. `byPeripheral`: a peripheral
  // drives the pin through the pin mux (a PWM dimming an LED): counted, but only its first change
  // is logged, so a kHz waveform does not flood the log.
  void outputChanged(unsigned gpio, bool level, const sc_core::sc_time& at, bool byPeripheral = false);

  struct LedRecord {
    std::string name;
    unsigned gpio = 0;
    bool on = false;
    unsigned toggles = 0;
    bool peripheralLogged = false;  // the current run of peripheral-driven changes was announced
    // No per-change history: nothing reads it and a long run would grow without bound (the log
    // stream, when asked for, is where every change goes).
  };
  const std::vector<LedRecord>& leds() const { return leds_; }
  // One line per LED: state and toggle count (for --stats).
  std::string summary() const;

 private:
  void keyThread();
  void releaseDue();  // SC_METHOD: releases of pressNow() keys whose hold has elapsed
  void pressKey(unsigned gpio, bool pressed);

  InputDriver drive_;
  std::ostream* ledLog_;
  std::vector<KeyPress> presses_;
  std::vector<LedRecord> leds_;
  std::vector<int> pressDepth_;                         // per GPIO: overlapping presses of the same key
  std::multimap<sc_core::sc_time, unsigned> releases_;  // pressNow() releases: time -> GPIO
  sc_core::sc_event releaseEvent_;
};

}  // namespace wtm::platform
