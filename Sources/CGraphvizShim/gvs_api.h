// gvs_api.h (private to the shim): every Graphviz function and global the shim uses,
// resolved with dlsym when Graphviz is first needed (gvs_load), so that the program does
// not link libgvc and commands that draw nothing never load it.
//
// Include after gvshim.h: the macros below make the shim's calls (`agclose(g)`) and
// globals (`AgMemDisc`) go through the table, with the types the installed headers give.
#ifndef GVS_API_H
#define GVS_API_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

// Exported by libcgraph/libgvc but not declared in the installed headers.
extern void aglexbad(void);
extern char *HTTPServerEnVar;
extern char *Gvfilepath;

struct gvs_api_table {
    __typeof__(&agseterrf) agseterrf;
    __typeof__(&agreseterrors) agreseterrors;
    __typeof__(&agread) agread;
    __typeof__(&agclose) agclose;
    __typeof__(&gvRenderData) gvRenderData;
    __typeof__(&gvFreeRenderData) gvFreeRenderData;
    __typeof__(&agstrdup) agstrdup;
    __typeof__(&agstrfree) agstrfree;
    __typeof__(&agseterr) agseterr;
    __typeof__(&agerrors) agerrors;
    __typeof__(&agsetfile) agsetfile;
    __typeof__(&aglexbad) aglexbad;
    __typeof__(&gvPluginList) gvPluginList;
    __typeof__(&gvContext) gvContext;
    __typeof__(&agnameof) agnameof;
    __typeof__(&aghtmlstr) aghtmlstr;
    __typeof__(&agerr) agerr;
    __typeof__(&agnnodes) agnnodes;
    __typeof__(&agnedges) agnedges;
    __typeof__(&gvLayout) gvLayout;
    __typeof__(&gvFreeLayout) gvFreeLayout;
    __typeof__(&HTTPServerEnVar) HTTPServerEnVar;
    __typeof__(&Gvfilepath) Gvfilepath;
    __typeof__(&AgMemDisc) AgMemDisc;
    __typeof__(&AgIoDisc) AgIoDisc;
};

extern struct gvs_api_table gvs_api;

#define agseterrf (gvs_api.agseterrf)
#define agreseterrors (gvs_api.agreseterrors)
#define agread (gvs_api.agread)
#define agclose (gvs_api.agclose)
#define gvRenderData (gvs_api.gvRenderData)
#define gvFreeRenderData (gvs_api.gvFreeRenderData)
#define agstrdup (gvs_api.agstrdup)
#define agstrfree (gvs_api.agstrfree)
#define agseterr (gvs_api.agseterr)
#define agerrors (gvs_api.agerrors)
#define agsetfile (gvs_api.agsetfile)
#define aglexbad (gvs_api.aglexbad)
#define gvPluginList (gvs_api.gvPluginList)
#define gvContext (gvs_api.gvContext)
#define agnameof (gvs_api.agnameof)
#define aghtmlstr (gvs_api.aghtmlstr)
#define agerr (gvs_api.agerr)
#define agnnodes (gvs_api.agnnodes)
#define agnedges (gvs_api.agnedges)
#define gvLayout (gvs_api.gvLayout)
#define gvFreeLayout (gvs_api.gvFreeLayout)
#define HTTPServerEnVar (*gvs_api.HTTPServerEnVar)
#define Gvfilepath (*gvs_api.Gvfilepath)
#define AgMemDisc (*gvs_api.AgMemDisc)
#define AgIoDisc (*gvs_api.AgIoDisc)

#endif
