/* A user's C program: cleans one page through the installed library's C API
   and checks that the article stayed and the navigation went. Exit 0 on success. */
#include <stdio.h>
#include <string.h>
#include <webclean/webclean.h>

static const char kPage[] =
    "<html><body><nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
    "<article><h1>Rivers in spring</h1>"
    "<p>The river rose by two metres in the night, and the town's old bridge was closed "
    "to traffic until the engineers had checked its piers.</p>"
    "<p>By noon the water had started to fall again, and the shops along the quay "
    "opened as they do on any other Tuesday in April.</p></article>"
    "<footer>Copyright 2026 The Example Gazette. All rights reserved.</footer></body></html>";

int main(void) {
  char* error = NULL;
  webclean_cleaner* cleaner = webclean_cleaner_new(NULL, &error);
  if (cleaner == NULL) {
    fprintf(stderr, "consumer.c: %s\n", error ? error : "no cleaner");
    webclean_string_free(error);
    return 1;
  }
  webclean_result* result = webclean_clean(cleaner, kPage, sizeof kPage - 1, NULL);
  const char* text = webclean_result_text(result, NULL);
  const int good = webclean_result_ok(result) && strstr(text, "old bridge was closed") != NULL &&
                   strstr(text, "About us") == NULL && strstr(text, "rights reserved") == NULL;
  if (!good) fprintf(stderr, "consumer.c: unexpected text:\n%s\n", text);
  webclean_result_free(result);
  webclean_cleaner_free(cleaner);
  return good ? 0 : 1;
}
