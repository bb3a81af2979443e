/* webclean's C interface: clean web pages and text dumps of them from C, or
 * from any language with a C foreign-function interface, through opaque
 * handles over the C++ webclean::Cleaner (include/webclean/cleaner.h). */

/* Ownership: what a *_new or webclean_clean returns is the caller's and goes
 * back through its own *_free (each accepts NULL); a string a result hands
 * out is the result's, valid until webclean_result_free; a message put in an
 * `error_out` is the caller's, for webclean_string_free. No C++ exception
 * ever leaves these functions.
 *
 * Threads: a webclean_cleaner is immutable once made, and any number of
 * threads may call webclean_clean with one at the same time. A
 * webclean_options and a webclean_result belong to one thread at a time. */
#ifndef WEBCLEAN_WEBCLEAN_H_
#define WEBCLEAN_WEBCLEAN_H_

#include <stddef.h>

#include "webclean/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct webclean_options webclean_options;
typedef struct webclean_cleaner webclean_cleaner;
typedef struct webclean_result webclean_result;

/* The library's version, e.g. "0.1.0". Static storage: never freed. */
WEBCLEAN_API const char* webclean_version(void);

/* Frees a string the library gave the caller through an `error_out`.
 * NULL is ignored. */
WEBCLEAN_API void webclean_string_free(char* string);

/* ---- Options: how a cleaner is made ---------------------------------- */

/* New options with the defaults of webclean::Options: the shipped rules,
 * no Markdown, page type decided per page, no time limit. NULL when out
 * of memory. The caller frees it with webclean_options_free; a cleaner
 * made from it keeps its own copy, so it may be freed right after
 * webclean_cleaner_new. */
WEBCLEAN_API webclean_options* webclean_options_new(void);
WEBCLEAN_API void webclean_options_free(webclean_options* options);

/* The setters return 1 when the option is set, 0 when the value is
 * refused (a NULL argument, an unknown name, out of memory). */

/* Adds a directory of .rules files read after the shipped rules; a file
 * named like a shipped one replaces it. Repeatable. The string is copied. */
WEBCLEAN_API int webclean_options_add_rule_dir(webclean_options* options, const char* dir);
/* Reads the shipped rules from `dir` instead of the compiled-in copy. */
WEBCLEAN_API int webclean_options_set_shipped_rules_dir(webclean_options* options, const char* dir);
/* Nonzero: no shipped rules at all, only those of the added rule dirs. */
WEBCLEAN_API int webclean_options_set_no_shipped_rules(webclean_options* options, int on);
/* Nonzero: results also hold the kept blocks as CommonMark. */
WEBCLEAN_API int webclean_options_set_markdown(webclean_options* options, int on);
/* Nonzero: with Markdown on, links keep their targets as [text](url). */
WEBCLEAN_API int webclean_options_set_markdown_links(webclean_options* options, int on);
/* Nonzero: results list every block with the decision on it (the
 * webclean_result_block_* functions). Costs a copy of each block's text. */
WEBCLEAN_API int webclean_options_set_keep_block_reports(webclean_options* options, int on);
/* The page type every document gets, by name: "auto" (the default:
 * decided per page), "article", "forum", "product", "collection",
 * "listing", "documentation" or "service". */
WEBCLEAN_API int webclean_options_set_page_type(webclean_options* options, const char* name);
/* Seconds allowed for one document, checked between the stages; 0 (the
 * default) is no limit. A document over it comes back with an error.
 * Refuses a negative or NaN value. */
WEBCLEAN_API int webclean_options_set_max_seconds(webclean_options* options, double seconds);

/* ---- Cleaner ---------------------------------------------------------- */

/* Loads the rules (each pattern is compiled the first time a page needs
 * it). `options` may be NULL for the defaults.
 * Returns NULL on failure and, when `error_out` is not NULL, puts in it a
 * message the caller frees with webclean_string_free: for a malformed rule
 * file it reads "path/to/file.rules:LINE: reason". On success *error_out
 * is set to NULL. The caller frees the cleaner with webclean_cleaner_free,
 * once no thread uses it any more. */
WEBCLEAN_API webclean_cleaner* webclean_cleaner_new(const webclean_options* options,
                                                    char** error_out);
WEBCLEAN_API void webclean_cleaner_free(webclean_cleaner* cleaner);

/* ---- Cleaning one document ------------------------------------------- */

/* What kind of document the bytes are. AUTO sniffs the content. */
typedef enum webclean_input_kind {
  WEBCLEAN_INPUT_AUTO = 0,
  WEBCLEAN_INPUT_HTML = 1,
  WEBCLEAN_INPUT_TEXT = 2
} webclean_input_kind;

/* Hints about one document from the caller. Start from
 * WEBCLEAN_DOC_INFO_INIT, which sets `size`: later versions of the library
 * add fields at the end and read only those that `size` covers. Every
 * string may be NULL (no hint); webclean_clean copies what it needs. */
typedef struct webclean_doc_info {
  size_t size;                  /* sizeof(webclean_doc_info) */
  const char* url;              /* for per-site rules, page type, links */
  const char* content_type;     /* e.g. "text/html; charset=latin1" */
  const char* charset;          /* a declared charset, e.g. from HTTP */
  const char* content_language; /* the HTTP Content-Language header */
  int kind;                     /* a webclean_input_kind */
} webclean_doc_info;

#define WEBCLEAN_DOC_INFO_INIT \
  { sizeof(webclean_doc_info), NULL, NULL, NULL, NULL, WEBCLEAN_INPUT_AUTO }

/* Cleans `len` bytes of a document in any encoding. `bytes` may be NULL
 * when `len` is 0; `info` may be NULL (no hints). A document that cannot
 * be cleaned, or a bad argument, gives a result whose webclean_result_ok
 * is 0 and whose error says why. Returns NULL only when there is no memory
 * for a result at all. The caller frees the result with
 * webclean_result_free. Safe to call from many threads with one cleaner. */
WEBCLEAN_API webclean_result* webclean_clean(const webclean_cleaner* cleaner, const char* bytes,
                                             size_t len, const webclean_doc_info* info);
WEBCLEAN_API void webclean_result_free(webclean_result* result);

/* ---- Reading a result ------------------------------------------------- */

/* 1 when the document was cleaned, 0 when it failed (and for NULL). */
WEBCLEAN_API int webclean_result_ok(const webclean_result* result);

/* Every string accessor returns a NUL-terminated UTF-8 string that the
 * result owns, valid until webclean_result_free, never NULL ("" when the
 * field is empty or unknown). When `len` is not NULL it receives the
 * length in bytes, without the NUL. A NULL result reads as a failed one:
 * its error is "no result", every other string "". */

/* Why the document failed; "" when it was cleaned. */
WEBCLEAN_API const char* webclean_result_error(const webclean_result* result, size_t* len);
/* The article text: the kept blocks, paragraphs separated by "\n\n". */
WEBCLEAN_API const char* webclean_result_text(const webclean_result* result, size_t* len);
/* The kept blocks as CommonMark; "" unless the options set Markdown. */
WEBCLEAN_API const char* webclean_result_markdown(const webclean_result* result, size_t* len);
/* "html" or "text", as given or sniffed. */
WEBCLEAN_API const char* webclean_result_input_kind(const webclean_result* result, size_t* len);
/* The charset the bytes were decoded from. */
WEBCLEAN_API const char* webclean_result_charset(const webclean_result* result, size_t* len);

/* What was learned about the document (webclean::Metadata). */
WEBCLEAN_API const char* webclean_result_title(const webclean_result* result, size_t* len);
WEBCLEAN_API const char* webclean_result_headline(const webclean_result* result, size_t* len);
WEBCLEAN_API const char* webclean_result_byline(const webclean_result* result, size_t* len);
WEBCLEAN_API const char* webclean_result_author(const webclean_result* result, size_t* len);
/* ISO 8601 where known. */
WEBCLEAN_API const char* webclean_result_date(const webclean_result* result, size_t* len);
WEBCLEAN_API const char* webclean_result_site_name(const webclean_result* result, size_t* len);
/* A BCP 47 primary tag, e.g. "en". */
WEBCLEAN_API const char* webclean_result_language(const webclean_result* result, size_t* len);
WEBCLEAN_API const char* webclean_result_description(const webclean_result* result, size_t* len);
WEBCLEAN_API const char* webclean_result_canonical_url(const webclean_result* result, size_t* len);
/* The page's og:image URL. */
WEBCLEAN_API const char* webclean_result_image(const webclean_result* result, size_t* len);
/* "article", "forum", "product", "collection", "listing", "documentation"
 * or "service"; "" for a failed document. */
WEBCLEAN_API const char* webclean_result_page_type(const webclean_result* result, size_t* len);

/* The blocks of the document with the decision on each, when the options
 * set keep_block_reports (else the count is 0). `index` runs from 0 to
 * count - 1; out of range, the strings are "" and kept is 0. */
WEBCLEAN_API size_t webclean_result_block_count(const webclean_result* result);
WEBCLEAN_API const char* webclean_result_block_text(const webclean_result* result, size_t index,
                                                    size_t* len);
/* "paragraph", "heading", "list-item", "quote", ... */
WEBCLEAN_API const char* webclean_result_block_kind(const webclean_result* result, size_t index,
                                                    size_t* len);
/* 1 when the block is part of the text, 0 when it was dropped. */
WEBCLEAN_API int webclean_result_block_kept(const webclean_result* result, size_t index);
/* The filter that decided ("rules", "structure", ...) and why. */
WEBCLEAN_API const char* webclean_result_block_stage(const webclean_result* result, size_t index,
                                                     size_t* len);
WEBCLEAN_API const char* webclean_result_block_reason(const webclean_result* result, size_t index,
                                                      size_t* len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WEBCLEAN_WEBCLEAN_H_ */
