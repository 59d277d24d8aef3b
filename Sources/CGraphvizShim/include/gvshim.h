// gvshim.h: the small C layer between Swift and Graphviz 2.42 (libcgraph/libgvc).
//
// It exists because some things cannot or should not be done from Swift:
//  - C globals (AgMemDisc, HTTPServerEnVar, ...) are rejected by Swift 6 strict concurrency;
//  - the error hook is a C callback that receives message fragments;
//  - gvRenderData's length parameter changed type between Graphviz versions;
//  - reading DOT needs an own ID discipline and flushing the global flex scanner.
//
// NOTHING here is thread-safe, and neither is Graphviz: every function must be called
// while holding the single process-wide lock owned by the Swift `Graphviz` class.
#ifndef GVSHIM_H
#define GVSHIM_H

#include <stddef.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Loading Graphviz

/// Loads libgvc (with libcgraph and libcdt) with dlopen and resolves what the shim uses,
/// once (thread-safe). The program does not link Graphviz, so commands that draw nothing
/// never load it. Returns 0 on success, or -1 with a message in `error` (at most
/// `capacity` bytes, NUL-terminated). Every other function here needs a successful load.
int gvs_load(char *error, size_t capacity);

/// The Graphviz calls made from Swift, through the loaded library.
GVC_t *gvs_context(void);
int gvs_close(Agraph_t *graph);
int gvs_node_count(Agraph_t *graph);
int gvs_edge_count(Agraph_t *graph);
int gvs_layout(GVC_t *context, Agraph_t *graph, const char *engine);
int gvs_free_layout(GVC_t *context, Agraph_t *graph);
void gvs_free_render_data(char *data);

// MARK: - Process set-up

/// One-time process set-up, before any other Graphviz call.
///
/// Works around graphviz #1924 (fixed in 2.46.1): with an error hook installed,
/// 2.42's `userout()` formats into a static 1024-byte buffer and, when a message is
/// longer, re-uses an already consumed `va_list` (garbage, then SIGSEGV near 3000
/// bytes). This sends one `%`-free message of `message_capacity` bytes through
/// `agerr` so the buffer is grown once; every later message up to that size is
/// formatted on the first try. The message is discarded. Returns 0 on success,
/// -1 if memory could not be allocated (the buffer is then not grown).
int gvs_init(size_t message_capacity);

/// Stops Graphviz from reading local files named by `image=`, `shapefile=` and
/// `<IMG SRC=...>` (and PostScript libraries).
///
/// libgvc only honours `SERVER_NAME`/`GV_FILE_PATH` in `gvParseArgs` (the CLI), so this
/// sets the exported globals behind them directly. With `allowed_directory` NULL no
/// file is read at all; otherwise only files (by base name) inside that directory are.
/// The string is copied.
void gvs_sandbox_files(const char *allowed_directory);

// MARK: - Diagnostics capture

/// Severity of a captured Graphviz message.
typedef enum {
    GVS_MESSAGE_WARNING = 0,
    GVS_MESSAGE_ERROR = 1,
} gvs_message_level;

/// Starts capturing Graphviz diagnostics: clears the sticky error level
/// (`agreseterrors`), reports warnings and errors (`agseterr(AGWARN)`) and installs the
/// `agseterrf` hook. Messages collected by an earlier capture are discarded.
void gvs_capture_begin(void);

/// Stops capturing: removes the hook and clears cgraph's sticky error level. Returns 1
/// if at least one captured message is an error, else 0. Captured messages stay
/// readable until the next `gvs_capture_begin`.
int gvs_capture_end(void);

/// Number of messages captured by the current or last capture.
size_t gvs_capture_count(void);

/// The captured message at `index` (0-based, in emission order), without the
/// "Error: "/"Warning: " prefix that Graphviz sends as separate fragments.
/// Continuation lines (`AGPREV`) are part of their message. The text is not
/// NUL-terminated in general; use `*length`. Returns NULL if `index` is out of range.
const char *gvs_capture_message(size_t index, gvs_message_level *level, size_t *length);

// MARK: - Reading DOT

/// Outcome of `gvs_read`.
typedef enum {
    /// Exactly one graph, followed by nothing but white space and comments.
    GVS_READ_OK = 0,
    /// The text is empty, or holds only white space and comments.
    GVS_READ_EMPTY = 1,
    /// Graphviz rejected the text (its message was captured).
    GVS_READ_SYNTAX_ERROR = 2,
    /// A second graph follows the first one.
    GVS_READ_SECOND_GRAPH = 3,
    /// Something other than a graph follows the first one (its message was captured).
    GVS_READ_TRAILING_INPUT = 4,
    /// The text contains '@' outside quoted strings and comments. Graphviz's scanner
    /// treats that character as end of input, so anything after it would be dropped
    /// silently. `*detail` receives the 1-based line of the first one.
    GVS_READ_BARE_EOF_TOKEN = 5,
} gvs_read_status;

/// Parses one graph from `length` bytes of DOT text (NUL bytes are not allowed).
///
/// The graph uses a deterministic ID discipline: named objects get even IDs and
/// anonymous objects (and edges) odd IDs, both in first-seen order and counted per
/// root graph, so subgraph order (which cgraph sorts by ID) and generated names are
/// the same on every call and in every process. The discipline owns its own
/// name<->ID tables, because `agclose()` of any subgraph wipes cgraph's internal name
/// map for the whole graph. After reading, the function always flushes the global flex
/// buffer (`aglexbad`) and resets the scanner's file name and line number, so nothing
/// from this text can reach the next call.
///
/// Returns the graph for `GVS_READ_OK` (close it with `agclose`), NULL otherwise.
Agraph_t *gvs_read(const char *text, size_t length, gvs_read_status *status, size_t *detail);

// MARK: - Rendering

/// Renders a laid-out graph with `gvRenderData`, whatever the type of its length
/// parameter (`unsigned int *` up to Graphviz 13, `size_t *` from 14; chosen at compile
/// time with `_Generic`). On success returns the output buffer (free it with
/// `gvFreeRenderData`) and sets `*length`; on failure returns NULL, sets `*rc` and never
/// frees anything (2.42 may already have reallocated the buffer).
char *gvs_render(GVC_t *gvc, Agraph_t *graph, const char *format, size_t *length, int *rc);

// MARK: - Plugins

/// Names of the plugins of one kind ("layout", "device", "render", "textlayout",
/// "loadimage"), one per line, without the ":plugin" suffix and without duplicates.
/// Returns a malloc'd NUL-terminated string (free it with `gvs_free`), or NULL if memory
/// ran out. An empty string means no plugin of that kind is loaded (or the kind is
/// unknown, which Graphviz also reports as an error message).
char *gvs_plugin_list(GVC_t *gvc, const char *kind);

/// Where this libgvc looks for its plugin configuration file (`config6a` for 2.42):
/// `$GVBINDIR/config6a` if GVBINDIR is set, else `<directory of libgvc>/graphviz/config6a`.
/// Returns a malloc'd string (free it with `gvs_free`), or NULL if unknown.
char *gvs_plugin_config_path(void);

/// Whether a regular file exists at `path` (1) or not (0).
int gvs_file_exists(const char *path);

/// Frees memory returned by this shim.
void gvs_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
