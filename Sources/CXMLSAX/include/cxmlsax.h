// cxmlsax.h: a small SAX reader over the system libxml2, loaded with dlopen on first use.
//
// GraphML is read with libxml2's SAX parser. Foundation's XMLParser wraps the same parser,
// but importing FoundationXML makes every process load libxml2 and ICU before main (about
// 2 ms), whether or not it ever reads XML; this loads libxml2 only when a GraphML file is
// read. Error codes, lines and columns are libxml2's, as they were through XMLParser.
//
// Each call to xs_parse uses its own parser context: calls on different threads are
// independent.
#ifndef CXMLSAX_H
#define CXMLSAX_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The callbacks of one parse. Each returns 0 to go on, or non-zero to stop parsing.
/// `line` and `column` are where libxml2 is (just after the tag's `>` for tags).
typedef struct xs_handler {
    void *context;
    /// `attributes`: name, value, name, value, ..., NULL (may be NULL when there are none).
    int (*start)(void *context, const char *name, const char *const *attributes, int line,
                 int column);
    int (*end)(void *context, const char *name, int line, int column);
    /// Text and CDATA content, not NUL-terminated.
    int (*characters)(void *context, const char *text, int length, int line, int column);
} xs_handler;

/// How a parse ended.
typedef struct xs_result {
    /// 0, or libxml2's error code (xmlParserErrors) of the first error.
    int code;
    /// Where the first error was, or where the parser stopped.
    int line;
    int column;
    /// 1 when a callback stopped the parse.
    int stopped;
} xs_result;

/// Loads libxml2 once (thread-safe). 0 on success; -1 with a message in `error` (at most
/// `capacity` bytes, NUL-terminated) when the library or one of its functions is missing.
int xs_load(char *error, size_t capacity);

/// Parses `length` bytes of XML with `handler`. Requires a successful xs_load. No network
/// access; no external entity or DTD is loaded.
xs_result xs_parse(const char *bytes, int length, const xs_handler *handler);

#ifdef __cplusplus
}
#endif

#endif
