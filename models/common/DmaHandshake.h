// One direction of a peripheral's DMA hardware handshake (DW naming: dma_tx_req + dma_tx_single,
// or dma_rx_req + dma_rx_single). The peripheral drives the levels after every change of its
// FIFO, inside the access that changed it: a DMA that decides its next transaction right after a
// transfer into or out of that FIFO must see the new levels, or it overruns the FIFO. The board
// connects the outputs to a handshake number of its DMA; unconnected outputs go nowhere.
#pragma once
#include <functional>
#include <utility>

namespace wtm {

class DmaHandshake {
 public:
  using Output = std::function<void(bool level)>;

  // `request`: the burst request (dma_req); `single`: the single-transaction request (optional).
  void connect(Output request, Output single = {}) {
    request_ = std::move(request);
    single_ = std::move(single);
    if (request_) request_(requestLevel_);
    if (single_) single_(singleLevel_);
  }
  // Sets both levels; each output is called only when its level changes.
  void drive(bool request, bool single) {
    if (request != requestLevel_) {
      requestLevel_ = request;
      if (request_) request_(request);
    }
    if (single != singleLevel_) {
      singleLevel_ = single;
      if (single_) single_(single);
    }
  }
  bool connected() const { return request_ || single_; }
  bool request() const { return requestLevel_; }
  bool single() const { return singleLevel_; }

 private:
  Output request_, single_;
  bool requestLevel_ = false, singleLevel_ = false;
};

}  // namespace wtm
