/* The C API of include/webclean/webclean.h, used from C99 as a C caller
 * would: a page, a text dump, the hints, Markdown, block reports, bad rules,
 * bad arguments, and threads sharing one cleaner.
 * Usage: webclean_capi_test TEXT_DUMP (corpus/seeds/000_c24eb0780e2f8442.txt) */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "webclean/webclean.h"

static int failures = 0;

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                                   \
    }                                                                               \
  } while (0)

/* The paragraphs below are long enough to read as article text; the nav
 * and footer are what a cleaner must drop. */
static const char kPage[] =
    "<!DOCTYPE html><html lang=\"en\"><head>"
    "<title>Harbour Bridge Reopens After Repairs - The Daily Tide</title>"
    "<meta property=\"og:title\" content=\"Harbour Bridge Reopens After Repairs\">"
    "<meta property=\"og:site_name\" content=\"The Daily Tide\">"
    "<meta property=\"og:type\" content=\"article\">"
    "<meta property=\"og:image\" content=\"https://tide.example/img/bridge.jpg\">"
    "<meta name=\"description\" content=\"The bridge is open again.\">"
    "<link rel=\"canonical\" href=\"https://tide.example/news/harbour-bridge-reopens\">"
    "</head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav>"
    "<article><h1>Harbour Bridge Reopens After Repairs</h1>"
    "<p>The harbour bridge reopened to traffic on Monday morning, three months after "
    "engineers closed it to replace the corroded cables that had held the deck since "
    "the nineteen-sixties, the city council said in a statement.</p>"
    "<p>Commuters who had spent the summer on a forty-minute detour through the old town "
    "crossed in both directions from six o'clock, and the council said the buses would "
    "return to their usual routes by the end of the week.</p>"
    "<h2>What the repairs cost</h2>"
    "<p>The work cost more than the council had planned, because the engineers found "
    "damage inside two of the towers that nobody had inspected for decades, according "
    "to the <a href=\"/reports/bridge-2024\">engineers' report</a> published last week.</p>"
    "<p>The mayor said the extra spending was a small price for a bridge that would now "
    "last another fifty years, and thanked residents for their patience over the summer.</p>"
    "</article>"
    "<footer><p>Copyright The Daily Tide. All rights reserved.</p>"
    "<a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>"
    "</body></html>";

static const char kPageUrl[] = "https://tide.example/news/harbour-bridge-reopens";

static int contains(const char* haystack, const char* needle) {
  return strstr(haystack, needle) != NULL;
}

/* The whole file, NUL-terminated, in *len bytes; exits when it cannot. */
static char* read_file(const char* path, size_t* len) {
  FILE* file = fopen(path, "rb");
  char* bytes = NULL;
  long size = 0;
  if (file == NULL || fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 ||
      fseek(file, 0, SEEK_SET) != 0 || (bytes = malloc((size_t)size + 1)) == NULL ||
      fread(bytes, 1, (size_t)size, file) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  fclose(file);
  bytes[size] = '\0';
  *len = (size_t)size;
  return bytes;
}

static webclean_cleaner* new_cleaner(const webclean_options* options) {
  char* error = NULL;
  webclean_cleaner* cleaner = webclean_cleaner_new(options, &error);
  if (cleaner == NULL) {
    fprintf(stderr, "webclean_cleaner_new failed: %s\n", error ? error : "(no message)");
    exit(2);
  }
  CHECK(error == NULL);
  return cleaner;
}

static webclean_result* clean_page(const webclean_cleaner* cleaner) {
  webclean_doc_info info = WEBCLEAN_DOC_INFO_INIT;
  info.url = kPageUrl;
  info.content_type = "text/html; charset=utf-8";
  return webclean_clean(cleaner, kPage, strlen(kPage), &info);
}

static void test_version(void) {
  CHECK(strcmp(webclean_version(), WEBCLEAN_EXPECTED_VERSION) == 0);
}

static void test_page(const webclean_cleaner* cleaner) {
  webclean_result* result = clean_page(cleaner);
  size_t len = 0;
  const char* text = webclean_result_text(result, &len);
  CHECK(result != NULL);
  CHECK(webclean_result_ok(result));
  CHECK(strcmp(webclean_result_error(result, NULL), "") == 0);
  CHECK(len == strlen(text));
  CHECK(contains(text, "The harbour bridge reopened to traffic on Monday morning"));
  CHECK(contains(text, "thanked residents for their patience"));
  CHECK(!contains(text, "Sport"));
  CHECK(!contains(text, "All rights reserved"));
  CHECK(strcmp(webclean_result_input_kind(result, NULL), "html") == 0);
  CHECK(strcmp(webclean_result_charset(result, NULL), "UTF-8") == 0);
  CHECK(strcmp(webclean_result_title(result, NULL), "Harbour Bridge Reopens After Repairs") == 0);
  CHECK(strcmp(webclean_result_site_name(result, NULL), "The Daily Tide") == 0);
  CHECK(strcmp(webclean_result_language(result, NULL), "en") == 0);
  CHECK(strcmp(webclean_result_description(result, NULL), "The bridge is open again.") == 0);
  CHECK(strcmp(webclean_result_canonical_url(result, NULL), kPageUrl) == 0);
  CHECK(strcmp(webclean_result_image(result, NULL), "https://tide.example/img/bridge.jpg") == 0);
  CHECK(strcmp(webclean_result_page_type(result, &len), "article") == 0 && len == 7);
  /* Not asked for: no Markdown, no blocks. */
  CHECK(strcmp(webclean_result_markdown(result, &len), "") == 0 && len == 0);
  CHECK(webclean_result_block_count(result) == 0);
  webclean_result_free(result);
}

/* Markdown with links: the page's relative link is resolved against the
 * URL hint, so the hint reached the cleaner. */
static void test_markdown_and_url_hint(void) {
  webclean_options* options = webclean_options_new();
  webclean_cleaner* cleaner;
  webclean_result* result;
  const char* markdown;
  CHECK(webclean_options_set_markdown(options, 1));
  CHECK(webclean_options_set_markdown_links(options, 1));
  cleaner = new_cleaner(options);
  webclean_options_free(options); /* the cleaner keeps its own copy */
  result = clean_page(cleaner);
  markdown = webclean_result_markdown(result, NULL);
  CHECK(webclean_result_ok(result));
  CHECK(contains(markdown, "## What the repairs cost"));
  CHECK(contains(markdown, "[engineers' report](https://tide.example/reports/bridge-2024)"));
  CHECK(contains(webclean_result_text(result, NULL), "engineers' report published last week"));
  webclean_result_free(result);
  webclean_cleaner_free(cleaner);
}

/* A text dump with the kind hint text: the seed's boilerplate lines go,
 * its article stays, and its dateline is read. */
static void test_text_dump(const webclean_cleaner* cleaner, const char* dump, size_t dump_len) {
  webclean_doc_info info = WEBCLEAN_DOC_INFO_INIT;
  webclean_result* result;
  const char* text;
  info.kind = WEBCLEAN_INPUT_TEXT;
  result = webclean_clean(cleaner, dump, dump_len, &info);
  text = webclean_result_text(result, NULL);
  CHECK(webclean_result_ok(result));
  CHECK(strcmp(webclean_result_input_kind(result, NULL), "text") == 0);
  CHECK(contains(text, "Officials from the Libyan government of Moammar Gadhafi say"));
  CHECK(!contains(text, "Security-Cleared Career Network"));
  CHECK(strcmp(webclean_result_date(result, NULL), "2011-07-04") == 0);
  webclean_result_free(result);

  /* The same bytes forced to HTML are read as a page. */
  info.kind = WEBCLEAN_INPUT_HTML;
  result = webclean_clean(cleaner, dump, dump_len, &info);
  CHECK(strcmp(webclean_result_input_kind(result, NULL), "html") == 0);
  webclean_result_free(result);
}

static void test_block_reports(void) {
  webclean_options* options = webclean_options_new();
  webclean_cleaner* cleaner;
  webclean_result* result;
  size_t count, i, kept = 0, dropped_with_reason = 0;
  CHECK(webclean_options_set_keep_block_reports(options, 1));
  cleaner = new_cleaner(options);
  webclean_options_free(options);
  result = clean_page(cleaner);
  count = webclean_result_block_count(result);
  CHECK(count >= 5);
  for (i = 0; i < count; ++i) {
    if (webclean_result_block_kept(result, i)) {
      ++kept;
    } else if (strcmp(webclean_result_block_stage(result, i, NULL), "") != 0 &&
               strcmp(webclean_result_block_reason(result, i, NULL), "") != 0) {
      ++dropped_with_reason;
    }
    CHECK(strcmp(webclean_result_block_kind(result, i, NULL), "") != 0);
  }
  CHECK(kept >= 4);
  CHECK(dropped_with_reason >= 1);
  /* Out of range reads as empty. */
  CHECK(strcmp(webclean_result_block_text(result, count, NULL), "") == 0);
  CHECK(!webclean_result_block_kept(result, count));
  webclean_result_free(result);
  webclean_cleaner_free(cleaner);
}

static void test_options_refused(void) {
  webclean_options* options = webclean_options_new();
  webclean_cleaner* cleaner;
  webclean_result* result;
  CHECK(!webclean_options_set_page_type(options, "blog"));
  CHECK(!webclean_options_set_page_type(options, NULL));
  CHECK(!webclean_options_set_max_seconds(options, -1));
  CHECK(!webclean_options_add_rule_dir(options, NULL));
  CHECK(!webclean_options_set_markdown(NULL, 1));
  CHECK(webclean_options_set_max_seconds(options, 30));
  CHECK(webclean_options_set_page_type(options, "forum"));
  cleaner = new_cleaner(options);
  webclean_options_free(options);
  result = clean_page(cleaner);
  CHECK(webclean_result_ok(result));
  CHECK(strcmp(webclean_result_page_type(result, NULL), "forum") == 0);
  webclean_result_free(result);
  webclean_cleaner_free(cleaner);
}

/* A malformed rule file: no cleaner, and a message naming file and line. */
static void test_bad_rules(void) {
  char dir[] = "/tmp/webclean_capi_test.XXXXXX";
  char path[sizeof dir + 16];
  char expected[sizeof path + 8];
  FILE* file;
  webclean_options* options;
  char* error = NULL;
  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    exit(2);
  }
  snprintf(path, sizeof path, "%s/bad.rules", dir);
  file = fopen(path, "w");
  if (file == NULL) {
    perror(path);
    exit(2);
  }
  fputs("# my rules\n[drop]\nklass menu\n", file);
  fclose(file);

  options = webclean_options_new();
  CHECK(webclean_options_add_rule_dir(options, dir));
  CHECK(webclean_cleaner_new(options, &error) == NULL);
  snprintf(expected, sizeof expected, "%s:3: ", path);
  CHECK(error != NULL && strncmp(error, expected, strlen(expected)) == 0);
  if (error != NULL) printf("bad rules reported as: %s\n", error);
  webclean_string_free(error);
  /* Without an error_out the failure is still NULL, and nothing leaks. */
  CHECK(webclean_cleaner_new(options, NULL) == NULL);
  webclean_options_free(options);

  options = webclean_options_new();
  error = NULL;
  CHECK(webclean_options_add_rule_dir(options, "/nonexistent/webclean-rules"));
  CHECK(webclean_cleaner_new(options, &error) == NULL);
  CHECK(error != NULL && contains(error, "/nonexistent/webclean-rules"));
  webclean_string_free(error);
  webclean_options_free(options);

  unlink(path);
  rmdir(dir);
}

static void test_empty_and_bad_arguments(const webclean_cleaner* cleaner) {
  webclean_doc_info unset;
  webclean_doc_info bad_kind = WEBCLEAN_DOC_INFO_INIT;
  webclean_result* result;
  size_t len = 99;

  /* No bytes at all: a result, with no text, never a crash. */
  result = webclean_clean(cleaner, NULL, 0, NULL);
  CHECK(result != NULL);
  CHECK(strcmp(webclean_result_text(result, &len), "") == 0 && len == 0);
  CHECK(webclean_result_ok(result) == (strcmp(webclean_result_error(result, NULL), "") == 0));
  webclean_result_free(result);
  result = webclean_clean(cleaner, "", 0, NULL);
  CHECK(result != NULL && strcmp(webclean_result_text(result, NULL), "") == 0);
  webclean_result_free(result);

  result = webclean_clean(cleaner, NULL, 5, NULL);
  CHECK(!webclean_result_ok(result));
  CHECK(contains(webclean_result_error(result, NULL), "NULL"));
  CHECK(strcmp(webclean_result_page_type(result, NULL), "") == 0);
  webclean_result_free(result);

  result = webclean_clean(NULL, kPage, strlen(kPage), NULL);
  CHECK(!webclean_result_ok(result));
  CHECK(contains(webclean_result_error(result, NULL), "cleaner"));
  webclean_result_free(result);

  memset(&unset, 0, sizeof unset);
  result = webclean_clean(cleaner, kPage, strlen(kPage), &unset);
  CHECK(!webclean_result_ok(result));
  CHECK(contains(webclean_result_error(result, NULL), "WEBCLEAN_DOC_INFO_INIT"));
  webclean_result_free(result);

  bad_kind.kind = 7;
  result = webclean_clean(cleaner, kPage, strlen(kPage), &bad_kind);
  CHECK(!webclean_result_ok(result));
  webclean_result_free(result);

  /* A NULL result reads as a failed one; the frees take NULL. */
  CHECK(!webclean_result_ok(NULL));
  CHECK(strcmp(webclean_result_error(NULL, &len), "no result") == 0 && len == 9);
  CHECK(strcmp(webclean_result_title(NULL, &len), "") == 0 && len == 0);
  CHECK(webclean_result_block_count(NULL) == 0);
  webclean_result_free(NULL);
  webclean_cleaner_free(NULL);
  webclean_options_free(NULL);
  webclean_string_free(NULL);
}

/* Threads sharing one cleaner each get the text one thread got. */
enum { kThreads = 4, kRoundsPerThread = 5 };

struct thread_job {
  const webclean_cleaner* cleaner;
  const char* dump;
  size_t dump_len;
  const char* expected_page_text;
  const char* expected_dump_text;
  int mismatches;
};

static void* clean_in_thread(void* argument) {
  struct thread_job* job = argument;
  webclean_doc_info text_info = WEBCLEAN_DOC_INFO_INIT;
  int round;
  text_info.kind = WEBCLEAN_INPUT_TEXT;
  for (round = 0; round < kRoundsPerThread; ++round) {
    webclean_result* page = clean_page(job->cleaner);
    webclean_result* dump = webclean_clean(job->cleaner, job->dump, job->dump_len, &text_info);
    if (strcmp(webclean_result_text(page, NULL), job->expected_page_text) != 0) ++job->mismatches;
    if (strcmp(webclean_result_text(dump, NULL), job->expected_dump_text) != 0) ++job->mismatches;
    webclean_result_free(page);
    webclean_result_free(dump);
  }
  return NULL;
}

static void test_threads(const webclean_cleaner* cleaner, const char* dump, size_t dump_len) {
  webclean_doc_info text_info = WEBCLEAN_DOC_INFO_INIT;
  webclean_result* page;
  webclean_result* dump_result;
  pthread_t threads[kThreads];
  struct thread_job jobs[kThreads];
  int i;
  text_info.kind = WEBCLEAN_INPUT_TEXT;
  page = clean_page(cleaner);
  dump_result = webclean_clean(cleaner, dump, dump_len, &text_info);
  CHECK(strcmp(webclean_result_text(page, NULL), "") != 0);
  CHECK(strcmp(webclean_result_text(dump_result, NULL), "") != 0);
  for (i = 0; i < kThreads; ++i) {
    jobs[i].cleaner = cleaner;
    jobs[i].dump = dump;
    jobs[i].dump_len = dump_len;
    jobs[i].expected_page_text = webclean_result_text(page, NULL);
    jobs[i].expected_dump_text = webclean_result_text(dump_result, NULL);
    jobs[i].mismatches = 0;
    if (pthread_create(&threads[i], NULL, clean_in_thread, &jobs[i]) != 0) {
      fprintf(stderr, "pthread_create failed\n");
      exit(2);
    }
  }
  for (i = 0; i < kThreads; ++i) {
    pthread_join(threads[i], NULL);
    CHECK(jobs[i].mismatches == 0);
  }
  webclean_result_free(page);
  webclean_result_free(dump_result);
}

int main(int argc, char** argv) {
  webclean_cleaner* cleaner;
  char* dump;
  size_t dump_len = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: %s TEXT_DUMP\n", argv[0]);
    return 2;
  }
  dump = read_file(argv[1], &dump_len);
  cleaner = new_cleaner(NULL);

  test_version();
  test_page(cleaner);
  test_markdown_and_url_hint();
  test_text_dump(cleaner, dump, dump_len);
  test_block_reports();
  test_options_refused();
  test_bad_rules();
  test_empty_and_bad_arguments(cleaner);
  test_threads(cleaner, dump, dump_len);

  webclean_cleaner_free(cleaner);
  free(dump);
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all C API checks passed\n");
  return 0;
}
