#include "ExternalI2cMaster.h"

namespace wtm::periph {

ExternalI2cMaster::ExternalI2cMaster(sc_core::sc_module_name name, DwApbI2c& slave,
                                     std::vector<I2cMasterTransfer> transfers, double sclHz, Report report)
    : sc_module(name),
      slave_(slave),
      transfers_(std::move(transfers)),
      scl_(sc_core::sc_time(1.0 / sclHz, sc_core::SC_SEC)),
      report_(std::move(report)) {
  SC_HAS_PROCESS(ExternalI2cMaster);
  SC_THREAD(run);
}

void ExternalI2cMaster::run() {
  for (const I2cMasterTransfer& t : transfers_) {
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    if (t.afterPrevious) wait(t.at);
    else if (t.at > now) wait(t.at - now);
    transfer(t);
  }
  finished_ = true;
}

void ExternalI2cMaster::transfer(const I2cMasterTransfer& t) {
  I2cMasterResult r;
  r.start = sc_core::sc_time_stamp();
  r.address = t.address;
  auto addressPhase = [&](bool read) {
    wait(scl_);  // START or repeated START
    byteTime();  // address and R/W, then the slave's ACK
    return slave_.slaveAddressed(t.address, read);
  };
  r.acknowledged = addressPhase(t.write.empty());
  if (r.acknowledged && !t.write.empty()) {
    for (uint8_t b : t.write) {
      byteTime();
      slave_.slaveReceive(b);
      ++r.written;
    }
    if (t.read > 0) r.acknowledged = addressPhase(true);
  }
  if (r.acknowledged) {
    for (unsigned i = 0; i < t.read; ++i) {
      std::optional<uint8_t> b;
      while (!(b = slave_.slaveTransmit())) wait(slave_.slaveTxWritten());  // SCL held low
      byteTime();
      r.read.push_back(*b);
      slave_.slaveReadAnswered(i + 1 < t.read);  // the master NACKs its last byte
    }
  }
  wait(scl_);  // STOP
  slave_.slaveStop();
  r.stop = sc_core::sc_time_stamp();
  if (report_) report_(r);
}

}  // namespace wtm::periph
