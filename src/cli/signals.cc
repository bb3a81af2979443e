#include "cli/signals.h"

#include <atomic>
#include <csignal>

namespace webclean::cli {
namespace {

// A signal handler can reach nothing but globals; a lock-free atomic is
// what it may safely write. This is the program's one piece of global
// mutable state.
std::atomic<int> received_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

void record_signal(int signal_number) {
  int expected = 0;
  received_signal.compare_exchange_strong(expected, signal_number);
}

void install(int signal_number) {
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: reads and writes in progress carry on (the pipeline polls
  // the flag); SA_RESETHAND: a second signal kills as usual.
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(signal_number, &action, nullptr);
}

}  // namespace

void install_stop_handlers() {
  install(SIGINT);
  install(SIGTERM);
}

int stop_signal() {
  return received_signal.load();
}

}  // namespace webclean::cli
