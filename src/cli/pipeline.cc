#include "cli/pipeline.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "cli/repeats.h"
#include "cli/shard.h"
#include "cli/signals.h"
#include "records/records.h"
#include "source/records.h"

namespace webclean::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kPollInterval = std::chrono::milliseconds(100);
// How long an interrupted run waits for the documents being cleaned, and
// then for the reader, which may be blocked reading a pipe.
constexpr auto kWorkersGrace = std::chrono::seconds(5);
constexpr auto kReaderGrace = std::chrono::milliseconds(200);

// Admission of items into flight, bounded by count and bytes.
class Window {
 public:
  explicit Window(WindowLimits limits) : limits_(limits) {}

  // Blocks until the item fits; false when the run is stopping.
  bool acquire(uint64_t weight) {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return stopped_ || fits(weight); });
    if (stopped_) return false;
    ++items_;
    bytes_ += weight;
    return true;
  }

  void release(uint64_t weight) {
    {
      std::lock_guard lock(mutex_);
      --items_;
      bytes_ -= weight;
    }
    freed_.notify_one();
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    freed_.notify_all();
  }

 private:
  bool fits(uint64_t weight) const {
    if (items_ == 0) return true;  // an item larger than the limit goes alone
    return items_ < limits_.items && bytes_ + weight <= limits_.bytes;
  }

  const WindowLimits limits_;
  std::mutex mutex_;
  std::condition_variable freed_;
  size_t items_ = 0;
  uint64_t bytes_ = 0;
  bool stopped_ = false;
};

// Items waiting for a worker. Its size is bounded by the Window.
class WorkQueue {
 public:
  void push(WorkItem item) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(item));
    }
    changed_.notify_one();
  }

  // The next item; nullopt once the queue is closed and empty, or stopped.
  std::optional<WorkItem> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || closed_ || !items_.empty(); });
    if (stopped_ || items_.empty()) return std::nullopt;
    WorkItem item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<WorkItem> items_;
  bool closed_ = false;
  bool stopped_ = false;
};

// Outcomes finished in any order, handed out in sequence order.
class ReorderBuffer {
 public:
  enum class Wait { kReady, kTimeout, kEnd };

  void put(Outcome outcome) {
    {
      std::lock_guard lock(mutex_);
      const uint64_t sequence = outcome.sequence;
      waiting_.emplace(sequence, std::move(outcome));
    }
    changed_.notify_all();
  }

  // The reader sent `total` items in all.
  void finish(uint64_t total) {
    {
      std::lock_guard lock(mutex_);
      total_ = total;
    }
    changed_.notify_all();
  }

  Wait take(uint64_t sequence, Clock::duration timeout, Outcome& out) {
    std::unique_lock lock(mutex_);
    const bool woken = changed_.wait_for(lock, timeout, [&] {
      return waiting_.count(sequence) != 0 || (total_ && sequence >= *total_);
    });
    if (!woken) return Wait::kTimeout;
    const auto found = waiting_.find(sequence);
    if (found == waiting_.end()) return Wait::kEnd;
    out = std::move(found->second);
    waiting_.erase(found);
    return Wait::kReady;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<uint64_t, Outcome> waiting_;
  std::optional<uint64_t> total_;
};

// Between the fetcher thread and the reader: pages arrive in any order
// and are taken in input order. A URL the reader waits for (slow, retried)
// holds up the reader, not the fetcher: any URL may start while the pages
// held here stay under `byte_limit` and `page_limit`, so the fetched pages
// wait here rather than the next transfers in the network, in bounded
// memory. The URL the reader waits for may always start, so a full feed
// cannot deadlock.
class FetchFeed {
 public:
  // Far more than fetched pages wait for one slow URL (its timeout times
  // its tries times the fetch rate); it bounds what a run of small pages,
  // or of errors, can hold where the byte limit would allow millions.
  static constexpr size_t kMaxHeldPages = size_t{1} << 16;

  FetchFeed(const Plan& plan, uint64_t byte_limit, size_t page_limit)
      : byte_limit_(byte_limit), page_limit_(page_limit) {
    for (const Input& input : plan.inputs) {
      if (input.holds == Holds::kUrl) urls_.push_back(input.path);
    }
  }

  const std::vector<std::string>& urls() const { return urls_; }

  bool may_start(size_t url) {
    std::lock_guard lock(mutex_);
    return url == taken_ || (held_bytes_ < byte_limit_ && ready_.size() < page_limit_);
  }

  void arrived(fetch::Page&& page) {
    {
      std::lock_guard lock(mutex_);
      const size_t index = page.index;
      held_bytes_ += held_size(page);
      ready_.emplace(index, std::move(page));
    }
    changed_.notify_all();
  }

  // The fetcher has ended: URLs it never reported (it was stopped) fail.
  void end() {
    {
      std::lock_guard lock(mutex_);
      ended_ = true;
    }
    changed_.notify_all();
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }

  bool stopped() {
    std::lock_guard lock(mutex_);
    return stopped_;
  }

  // The next URL's page, in order; nullopt when the run is stopping.
  std::optional<fetch::Page> take() {
    std::unique_lock lock(mutex_);
    const size_t url = taken_;
    changed_.wait(lock, [&] { return stopped_ || ended_ || ready_.count(url) != 0; });
    if (stopped_) return std::nullopt;
    fetch::Page page;
    const auto found = ready_.find(url);
    if (found != ready_.end()) {
      held_bytes_ -= held_size(found->second);
      page = std::move(found->second);
      ready_.erase(found);
    } else {
      page.url = urls_[url];
      page.error = "not fetched";
    }
    ++taken_;
    return page;
  }

 private:
  // An error page has no body but still takes memory.
  static uint64_t held_size(const fetch::Page& page) {
    return sizeof(fetch::Page) + page.bytes.size() + page.url.size() + page.final_url.size() +
           page.content_type.size() + page.error.size();
  }

  const uint64_t byte_limit_;
  const size_t page_limit_;
  std::vector<std::string> urls_;  // the plan's URLs, in input order
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<size_t, fetch::Page> ready_;
  size_t taken_ = 0;
  uint64_t held_bytes_ = 0;
  bool ended_ = false;
  bool stopped_ = false;
};

// What the threads share. Held by shared_ptr: after an interruption a
// thread blocked in a read may outlive run_pipeline().
struct Shared {
  Shared(WindowLimits limits, const Plan& plan)
      : window(limits), feed(plan, limits.bytes, FetchFeed::kMaxHeldPages) {}

  void stop() {
    window.stop();
    queue.stop();
    feed.stop();
  }

  void reading_stdin(bool reading) {
    {
      std::lock_guard lock(mutex);
      reading ? ++workers_reading_stdin : --workers_reading_stdin;
    }
    exited.notify_all();
  }

  void worker_exited() {
    {
      std::lock_guard lock(mutex);
      --workers_running;
    }
    exited.notify_all();
  }

  void reader_exited() {
    {
      std::lock_guard lock(mutex);
      reader_running = false;
    }
    exited.notify_all();
  }

  // Waits until the workers have ended, then the reader, each until its
  // deadline; true when all have.
  bool wait_for_threads(Clock::time_point workers_deadline, Clock::duration reader_grace) {
    std::unique_lock lock(mutex);
    // A worker reading a document from stdin may wait for input forever.
    const auto settled = [&] { return workers_running <= workers_reading_stdin; };
    if (!exited.wait_until(lock, workers_deadline, settled) || workers_running != 0) {
      return false;
    }
    return exited.wait_for(lock, reader_grace, [&] { return !reader_running; });
  }

  Stats stats;
  Window window;
  FetchFeed feed;
  WorkQueue queue;
  ReorderBuffer results;
  std::mutex mutex;
  std::condition_variable exited;
  size_t workers_running = 0;
  size_t workers_reading_stdin = 0;
  bool reader_running = true;
};

// The reader thread: walks the inputs in order and sends work items.
class Reader {
 public:
  Reader(const WorkContext& context, Shared& shared) : context_(context), shared_(shared) {}

  void run() {
    const std::vector<Input>& inputs = context_.plan.inputs;
    for (size_t i = 0; i < inputs.size() && !stopped_; ++i) {
      if (inputs[i].is_stream()) {
        read_stream_safely(i);
      } else if (inputs[i].holds == Holds::kUrl) {
        send_page(i);
      } else {
        send_file(i);
      }
    }
    shared_.results.finish(sequence_);
  }

 private:
  void send(WorkItem item) {
    if (stopped_ || !shared_.window.acquire(item.weight)) {
      stopped_ = true;
      return;
    }
    item.sequence = sequence_++;
    shared_.queue.push(std::move(item));
  }

  // A file goes on as its path, or read and gunzipped with overlap_io
  // (standard input excepted: a worker reads it, where an interruption
  // can leave it waiting).
  void send_file(size_t input) {
    const Input& file = context_.plan.inputs[input];
    WorkItem item;
    item.type = ItemType::kFile;
    item.input = input;
    item.weight = std::min<uint64_t>(file.size, context_.options.max_bytes);
    if (context_.overlap_io && file.path != "-" && file.error.empty()) {
      item.document = source::read_file(file.path, context_.options.max_bytes);
      item.weight = std::max<uint64_t>(item.weight, item.document->bytes.size());
    }
    send(std::move(item));
  }

  // A URL's page goes on as a file whose bytes are already read.
  void send_page(size_t input) {
    std::optional<fetch::Page> page = shared_.feed.take();
    if (!page) {
      stopped_ = true;
      return;
    }
    WorkItem item;
    item.type = ItemType::kFile;
    item.input = input;
    item.weight = page->bytes.size();
    item.page = std::move(*page);
    send(std::move(item));
  }

  void end_stream(size_t input, std::string error) {
    WorkItem end;
    end.type = ItemType::kStreamEnd;
    end.input = input;
    end.error = std::move(error);
    send(std::move(end));
  }

  // A reader that throws (out of memory, a bug) fails its input only.
  void read_stream_safely(size_t input) {
    try {
      read_stream(input);
    } catch (const std::exception& error) {
      end_stream(input, std::string("internal error: ") + error.what());
    } catch (...) {
      end_stream(input, "internal error");
    }
  }

  void read_stream(size_t index) {
    const Input& input = context_.plan.inputs[index];
    const CliOptions& options = context_.options;
    if (!input.error.empty()) return end_stream(index, input.error);
    const bool counted = input.path == "-" && context_.stream_repeats != nullptr;
    Warmup warmup(counted);
    std::string error;
    std::unique_ptr<std::istream> in = input.path == "-"
                                           ? source::open_stdin(answer_before_waiting(warmup))
                                           : source::open_input(input.path, error);
    if (!in) return end_stream(index, error.empty() ? "cannot open" : error);
    std::unique_ptr<source::RecordReader> records =
        input.holds == Holds::kWarc
            ? source::open_warc(std::move(in), options.max_bytes)
            : source::open_jsonl(std::move(in), options.jsonl_fields, options.max_bytes);
    uint64_t number = 0;
    uint64_t counted_bytes = 0;
    for (source::Record record; !stopped_ && records->next(record);) {
      const uint64_t read = records->bytes_read();
      shared_.stats.bytes_in += read - std::min(read, counted_bytes);
      counted_bytes = std::max(read, counted_bytes);
      ++number;
      if (!in_shard(options.shard, record_shard_key(options.shard, record.id, record.url,
                                                    input.shard_key, number))) {
        continue;
      }
      if (record.skipped && record.error.empty()) {
        ++shared_.stats.skipped;
        if (record.skip_reason == source::kBlankLine) ++shared_.stats.blank_lines;
        continue;
      }
      WorkItem item;
      item.type = ItemType::kRecord;
      item.input = index;
      item.record_number = number;
      item.weight = record.bytes.size() + record.passthrough.size();
      item.record = std::move(record);
      if (counted) count(item, input);
      if (warmup.filling()) {
        warmup.hold(std::move(item));
        if (warmup.filling()) continue;
        for (WorkItem& held : warmup.release()) send(std::move(held));
        continue;
      }
      send(std::move(item));
    }
    for (WorkItem& held : warmup.release()) send(std::move(held));
    if (!stopped_) end_stream(index, "");
  }

  // The repetition filter on a stream read once: the first records are
  // held until the warm-up window is full (kWarmupRecords, kWarmupBytes)
  // and judged by all of it; later records go at once, each judged by the
  // records up to itself. The window also ends, early, when stdin is a
  // pipe, FIFO, socket or terminal and the reader would wait for more
  // input (see answer_before_waiting).
  class Warmup {
   public:
    explicit Warmup(bool on) : filling_(on) {}
    bool filling() const { return filling_; }
    bool holding() const { return !held_.empty(); }

    void hold(WorkItem item) {
      bytes_ += item.weight;
      held_.push_back(std::move(item));
      if (held_.size() >= kWarmupRecords || bytes_ >= kWarmupBytes) filling_ = false;
    }

    // The held items, judged as of the last of them, to be sent now.
    std::vector<WorkItem> release() {
      filling_ = false;
      if (!held_.empty()) {
        const uint64_t last = held_.back().repeats_as_of;
        for (WorkItem& item : held_) item.repeats_as_of = last;
      }
      return std::exchange(held_, {});
    }

   private:
    bool filling_;
    std::vector<WorkItem> held_;
    uint64_t bytes_ = 0;
  };

  // Worker mode: when standard input is not a regular file, a producer may
  // send a record and wait for its answer before it sends the next. So
  // when the reader is about to wait for input (nothing left in its
  // buffers, nothing ready on stdin), the records the warm-up holds are
  // sent to be answered now, judged by the records so far, and the warm-up
  // ends there. A fast producer (`cat file |`) keeps the reader supplied
  // and so keeps the full warm-up; with no warm-up nothing is held and
  // every record already goes as soon as its line is complete. The window
  // ends where the reader catches up with the producer: at the same record
  // at any -j for a producer that waits for answers or one always ahead;
  // for one that just keeps pace, timing decides, and the output may vary.
  std::function<void()> answer_before_waiting(Warmup& warmup) {
    if (!warmup.filling() || stdin_is_regular_file()) return {};
    return [this, &warmup] {
      if (!warmup.holding()) return;  // waiting for the first record
      for (WorkItem& held : warmup.release()) send(std::move(held));
    };
  }

  static bool stdin_is_regular_file() {
    struct stat info {};
    return ::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode);
  }

  // Counts a record of a stream read once at its position, which it keeps
  // as the position it is judged as of.
  void count(WorkItem& item, const Input& input) {
    const uint64_t position = warmup_position_++;
    item.repeats_as_of = position;
    context_.cleaner.index(item.record.bytes, records::document_info(item.record, input.path),
                           *context_.stream_repeats, workspace_, position);
  }

  const WorkContext& context_;
  Shared& shared_;
  Workspace workspace_;  // for counting the records of a stream read once
  uint64_t warmup_position_ = 0;
  uint64_t sequence_ = 0;
  bool stopped_ = false;
};

// The main thread's part: emits outcomes in order and keeps the progress
// line fresh. Returns the signal that stopped the run, or 0 at its end.
int write_in_order(Shared& shared, OrderedWriter& writer, ProgressDisplay& display) {
  for (uint64_t next = 0;;) {
    if (const int signal_number = stop_signal()) return signal_number;
    Outcome outcome;
    const ReorderBuffer::Wait wait = shared.results.take(next, kPollInterval, outcome);
    if (wait == ReorderBuffer::Wait::kEnd) return 0;
    if (wait == ReorderBuffer::Wait::kReady) {
      writer.emit(outcome);
      shared.window.release(outcome.weight);
      ++next;
    }
    display.tick();
  }
}

}  // namespace

WindowLimits window_limits(unsigned jobs) {
  WindowLimits limits;
  limits.items = std::max<size_t>(64, size_t{8} * jobs);
  return limits;
}

RunOutcome run_pipeline(const WorkContext& context, ErrorLog& log, bool show_progress) {
  const Plan& plan = context.plan;
  const WindowLimits limits = window_limits(context.options.jobs);
  auto shared = std::make_shared<Shared>(limits, plan);
  shared->stats.done_before = plan.done;
  Totals totals;
  // Inputs that failed in planning count among the documents done.
  totals.documents = plan.document_count() + plan.errors.size();
  totals.streams = plan.has_streams();
  totals.bytes = plan.known_total_bytes();
  ProgressDisplay display(show_progress, totals, shared->stats);
  OrderedWriter writer(plan, shared->stats, display, log);
  for (const InputError& error : plan.errors) {
    ++shared->stats.failed;
    writer.report(error.input, "", "", error.reason);
  }
  for (const InputError& skip : plan.skipped) writer.report_skipped(skip.input, skip.reason);
  for (const InputError& skip : plan.not_document_streams) {
    writer.report_skipped(skip.input, skip.reason, false);
  }

  std::vector<std::thread> threads;
  threads.emplace_back([shared, &context] {
    Reader(context, *shared).run();
    shared->queue.close();
    shared->reader_exited();
  });
  if (!shared->feed.urls().empty()) {
    threads.emplace_back([shared, &context] {
      FetchFeed& feed = shared->feed;
      fetch::fetch_all(
          feed.urls(), context.options.fetch, [&](size_t url) { return feed.may_start(url); },
          [&](fetch::Page&& page) { feed.arrived(std::move(page)); },
          [&] { return feed.stopped(); });
      feed.end();
    });
  }
  const unsigned workers = std::max(1u, context.options.jobs);
  shared->workers_running = workers;
  for (unsigned i = 0; i < workers; ++i) {
    threads.emplace_back([shared, &context] {
      Workspace workspace;
      while (std::optional<WorkItem> item = shared->queue.pop()) {
        const bool from_stdin =
            item->type == ItemType::kFile && context.plan.inputs[item->input].path == "-";
        if (from_stdin) shared->reading_stdin(true);
        Outcome outcome = process(*item, context, workspace);
        if (from_stdin) shared->reading_stdin(false);
        shared->results.put(std::move(outcome));
      }
      shared->worker_exited();
    });
  }

  RunOutcome result;
  result.stop_signal = write_in_order(*shared, writer, display);
  if (result.stop_signal != 0) {
    shared->stop();
    writer.abandon();
    const bool ended = shared->wait_for_threads(Clock::now() + kWorkersGrace, kReaderGrace);
    for (std::thread& thread : threads) ended ? thread.join() : thread.detach();
  } else {
    for (std::thread& thread : threads) thread.join();
  }
  std::fflush(stdout);
  display.finish();
  result.counts = snapshot(shared->stats);
  result.seconds = display.seconds();
  return result;
}

}  // namespace webclean::cli
