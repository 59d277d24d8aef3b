// Loading Graphviz at run time (see gvs_api.h), and the calls Swift makes through it.
#include "gvshim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "gvs_api.h"

struct gvs_api_table gvs_api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int loaded;

static void load(void) {
    // libgvc brings libcgraph and libcdt; RTLD_GLOBAL so that the plugins libgvc loads
    // later resolve against the same copies.
    void *library = dlopen("libgvc.so.6", RTLD_NOW | RTLD_GLOBAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "%s", dlerror());
        return;
    }
#define RESOLVE(name)                                                                    \
    do {                                                                                 \
        *(void **)(&gvs_api.name) = dlsym(library, #name);                               \
        if (!gvs_api.name) {                                                             \
            snprintf(load_error, sizeof load_error, "Graphviz has no symbol %s", #name); \
            return;                                                                      \
        }                                                                                \
    } while (0)
#undef agseterrf
#undef agreseterrors
#undef agread
#undef agclose
#undef gvRenderData
#undef gvFreeRenderData
#undef agstrdup
#undef agstrfree
#undef agseterr
#undef agerrors
#undef agsetfile
#undef aglexbad
#undef gvPluginList
#undef gvContext
#undef agnameof
#undef aghtmlstr
#undef agerr
#undef agnnodes
#undef agnedges
#undef gvLayout
#undef gvFreeLayout
#undef HTTPServerEnVar
#undef Gvfilepath
#undef AgMemDisc
#undef AgIoDisc
    RESOLVE(agseterrf);
    RESOLVE(agreseterrors);
    RESOLVE(agread);
    RESOLVE(agclose);
    RESOLVE(gvRenderData);
    RESOLVE(gvFreeRenderData);
    RESOLVE(agstrdup);
    RESOLVE(agstrfree);
    RESOLVE(agseterr);
    RESOLVE(agerrors);
    RESOLVE(agsetfile);
    RESOLVE(aglexbad);
    RESOLVE(gvPluginList);
    RESOLVE(gvContext);
    RESOLVE(agnameof);
    RESOLVE(aghtmlstr);
    RESOLVE(agerr);
    RESOLVE(agnnodes);
    RESOLVE(agnedges);
    RESOLVE(gvLayout);
    RESOLVE(gvFreeLayout);
    RESOLVE(HTTPServerEnVar);
    RESOLVE(Gvfilepath);
    RESOLVE(AgMemDisc);
    RESOLVE(AgIoDisc);
#undef RESOLVE
    loaded = 1;
}

int gvs_load(char *error, size_t capacity) {
    pthread_once(&load_once, load);
    if (loaded) return 0;
    if (error && capacity > 0) snprintf(error, capacity, "%s", load_error);
    return -1;
}

GVC_t *gvs_context(void) { return gvs_api.gvContext(); }
int gvs_close(Agraph_t *graph) { return gvs_api.agclose(graph); }
int gvs_node_count(Agraph_t *graph) { return gvs_api.agnnodes(graph); }
int gvs_edge_count(Agraph_t *graph) { return gvs_api.agnedges(graph); }
int gvs_layout(GVC_t *context, Agraph_t *graph, const char *engine) {
    return gvs_api.gvLayout(context, graph, engine);
}
int gvs_free_layout(GVC_t *context, Agraph_t *graph) {
    return gvs_api.gvFreeLayout(context, graph);
}
void gvs_free_render_data(char *data) { gvs_api.gvFreeRenderData(data); }
