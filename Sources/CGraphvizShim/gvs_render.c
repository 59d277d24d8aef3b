// Rendering, plugin queries and the file-access sandbox. Not thread-safe: callers hold
// the lock.
#define _GNU_SOURCE  // dladdr
#include "gvshim.h"
#include "gvs_api.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

// MARK: - File-access sandbox

// HTTPServerEnVar and Gvfilepath are libgvc globals (lib/common/globals.h; declared in
// gvs_api.h). safefile() refuses every path while HTTPServerEnVar is set and Gvfilepath
// is empty, and otherwise only accepts base names inside the Gvfilepath directories.

void gvs_sandbox_files(const char *allowed_directory) {
    // The value only appears in Graphviz's own warning text ("... because the
    // environment contains SERVER_NAME=...").
    static char sandbox_name[] = "baligraph (in-process renderer)";
    static char *owned_path;
    HTTPServerEnVar = sandbox_name;
    char *path = allowed_directory && *allowed_directory ? strdup(allowed_directory) : NULL;
    Gvfilepath = path;
    free(owned_path);
    owned_path = path;
}

// MARK: - Rendering

typedef int (*gvs_render_uint)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
typedef int (*gvs_render_size)(GVC_t *, graph_t *, const char *, char **, size_t *);

// One adapter per prototype. Each is type-correct on its own; `_Generic` below calls
// only the one whose type matches the installed gvRenderData.
static int render_with_uint(gvs_render_uint function, GVC_t *gvc, graph_t *graph,
                            const char *format, char **result, size_t *length) {
    unsigned int count = 0;
    int rc = function(gvc, graph, format, result, &count);
    *length = count;
    return rc;
}

static int render_with_size(gvs_render_size function, GVC_t *gvc, graph_t *graph,
                            const char *format, char **result, size_t *length) {
    size_t count = 0;
    int rc = function(gvc, graph, format, result, &count);
    *length = count;
    return rc;
}

// gvRenderData is the resolved function pointer (gvs_api.h), typed by the installed header.
#define GVS_RENDER_DATA(gvc, graph, format, result, length)                    \
    _Generic(gvRenderData,                                                       \
        gvs_render_uint: render_with_uint,                                       \
        gvs_render_size: render_with_size)(gvRenderData, gvc, graph, format,    \
                                           result, length)

char *gvs_render(GVC_t *gvc, Agraph_t *graph, const char *format, size_t *length, int *rc) {
    char *result = NULL;
    size_t count = 0;
    *length = 0;
    *rc = GVS_RENDER_DATA(gvc, graph, format, &result, &count);
    if (*rc != 0) {
        return NULL;
    }
    if (!result) {
        *rc = -1;
        return NULL;
    }
    *length = count;
    return result;
}

// MARK: - Plugins

char *gvs_plugin_list(GVC_t *gvc, const char *kind) {
    int count = 0;
    char **names = gvPluginList(gvc, kind, &count, NULL);
    if (!names) {
        // NULL with a count of 0 is also what an empty list looks like.
        return count == 0 ? strdup("") : NULL;
    }
    size_t total = 1;
    for (int i = 0; i < count; i++) {
        total += strlen(names[i]) + 1;
    }
    char *joined = malloc(total);
    if (joined) {
        char *end = joined;
        for (int i = 0; i < count; i++) {
            size_t size = strlen(names[i]);
            memcpy(end, names[i], size);
            end += size;
            *end++ = '\n';
        }
        *end = '\0';
    }
    for (int i = 0; i < count; i++) {
        free(names[i]);
    }
    free(names);
    return joined;
}

char *gvs_plugin_config_path(void) {
    static const char file_name[] = "config6a";  // GVPLUGIN_CONFIG_FILE in 2.42
    const char *bindir = getenv("GVBINDIR");
    char *directory = NULL;
    if (bindir && *bindir) {
        directory = strdup(bindir);
    } else {
        // libgvc finds its plugins next to itself: <dir of libgvc.so>/graphviz.
        // Resolved, so that /lib/... (merged /usr) is reported as /usr/lib/....
        Dl_info info;
        if (dladdr((void *)gvContext, &info) && info.dli_fname) {
            char *library = realpath(info.dli_fname, NULL);
            const char *name = library ? library : info.dli_fname;
            const char *slash = strrchr(name, '/');
            if (slash) {
                size_t size = (size_t)(slash - name);
                directory = malloc(size + sizeof "/graphviz");
                if (directory) {
                    memcpy(directory, name, size);
                    memcpy(directory + size, "/graphviz", sizeof "/graphviz");
                }
            }
            free(library);
        }
    }
    if (!directory) {
        return NULL;
    }
    size_t size = strlen(directory) + 1 + sizeof file_name;
    char *path = malloc(size);
    if (path) {
        strcpy(path, directory);
        strcat(path, "/");
        strcat(path, file_name);
    }
    free(directory);
    return path;
}

int gvs_file_exists(const char *path) {
    struct stat info;
    return path && stat(path, &info) == 0 && S_ISREG(info.st_mode) ? 1 : 0;
}
