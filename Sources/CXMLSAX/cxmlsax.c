// See include/cxmlsax.h. libxml2's headers give the types; every function is resolved
// with dlsym, so the program does not link libxml2 and the loader never maps it unless a
// GraphML file is read.
#include "cxmlsax.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

static struct {
    __typeof__(&xmlInitParser) initParser;
    __typeof__(&xmlCreatePushParserCtxt) createPushParserCtxt;
    __typeof__(&xmlCtxtUseOptions) ctxtUseOptions;
    __typeof__(&xmlParseChunk) parseChunk;
    __typeof__(&xmlFreeParserCtxt) freeParserCtxt;
    __typeof__(&xmlStopParser) stopParser;
    __typeof__(&xmlSAX2GetLineNumber) getLineNumber;
    __typeof__(&xmlSAX2GetColumnNumber) getColumnNumber;
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int loaded;

static void load(void) {
    void *library = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "%s", dlerror());
        return;
    }
#define RESOLVE(field, symbol)                                                          \
    do {                                                                                \
        *(void **)(&api.field) = dlsym(library, #symbol);                               \
        if (!api.field) {                                                               \
            snprintf(load_error, sizeof load_error, "libxml2 has no %s", #symbol);      \
            return;                                                                     \
        }                                                                               \
    } while (0)
    RESOLVE(initParser, xmlInitParser);
    RESOLVE(createPushParserCtxt, xmlCreatePushParserCtxt);
    RESOLVE(ctxtUseOptions, xmlCtxtUseOptions);
    RESOLVE(parseChunk, xmlParseChunk);
    RESOLVE(freeParserCtxt, xmlFreeParserCtxt);
    RESOLVE(stopParser, xmlStopParser);
    RESOLVE(getLineNumber, xmlSAX2GetLineNumber);
    RESOLVE(getColumnNumber, xmlSAX2GetColumnNumber);
#undef RESOLVE
    api.initParser();
    loaded = 1;
}

int xs_load(char *error, size_t capacity) {
    pthread_once(&load_once, load);
    if (loaded) return 0;
    if (error && capacity > 0) snprintf(error, capacity, "%s", load_error);
    return -1;
}

// One parse: the handler, the context, and the first error.
typedef struct {
    const xs_handler *handler;
    xmlParserCtxtPtr context;
    xs_result result;
} parse_state;

static void position(parse_state *state, int *line, int *column) {
    *line = state->context ? api.getLineNumber(state->context) : 1;
    *column = state->context ? api.getColumnNumber(state->context) : 1;
}

static void stop(parse_state *state) {
    if (!state->result.stopped) {
        state->result.stopped = 1;
        position(state, &state->result.line, &state->result.column);
        api.stopParser(state->context);
    }
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **attributes) {
    parse_state *state = ctx;
    if (state->result.stopped || !state->handler->start) return;
    int line, column;
    position(state, &line, &column);
    if (state->handler->start(state->handler->context, (const char *)name,
                              (const char *const *)attributes, line, column)) {
        stop(state);
    }
}

static void on_end(void *ctx, const xmlChar *name) {
    parse_state *state = ctx;
    if (state->result.stopped || !state->handler->end) return;
    int line, column;
    position(state, &line, &column);
    if (state->handler->end(state->handler->context, (const char *)name, line, column)) {
        stop(state);
    }
}

static void on_characters(void *ctx, const xmlChar *text, int length) {
    parse_state *state = ctx;
    if (state->result.stopped || !state->handler->characters) return;
    int line, column;
    position(state, &line, &column);
    if (state->handler->characters(state->handler->context, (const char *)text, length, line,
                                   column)) {
        stop(state);
    }
}

// Errors arrive here instead of being printed; the first one is kept, with its code and
// the parser's position when it was raised (what XMLParser reported). libxml2 sets
// `errNo` before it calls the handler.
static void on_error(void *ctx, const char *message, ...) {
    (void)message;
    parse_state *state = ctx;
    if (state->result.code != 0 || !state->context) return;
    state->result.code = state->context->errNo ? state->context->errNo : XML_ERR_INTERNAL_ERROR;
    position(state, &state->result.line, &state->result.column);
}

static void on_warning(void *ctx, const char *message, ...) {
    (void)ctx;
    (void)message;
}

// Entity declarations cannot occur (a DOCTYPE is refused before parsing), but never
// resolve anything from outside the document.
static xmlParserInputPtr no_external_entity(void *ctx, const xmlChar *public_id,
                                            const xmlChar *system_id) {
    (void)ctx;
    (void)public_id;
    (void)system_id;
    return NULL;
}

xs_result xs_parse(const char *bytes, int length, const xs_handler *handler) {
    parse_state state;
    memset(&state, 0, sizeof state);
    state.handler = handler;
    state.result.line = 1;
    state.result.column = 1;
    if (!loaded) {
        state.result.code = -1;
        return state.result;
    }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    // The SAX1 callbacks: elements and attributes by their qualified names, attribute
    // values with character and entity references resolved, as XMLParser gave them with
    // namespace processing off.
    sax.initialized = 1;
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_characters;
    sax.cdataBlock = on_characters;
    sax.error = on_error;
    sax.fatalError = on_error;
    sax.warning = on_warning;
    sax.resolveEntity = no_external_entity;
    state.context = api.createPushParserCtxt(&sax, &state, NULL, 0, NULL);
    if (!state.context) {
        state.result.code = XML_ERR_NO_MEMORY;
        return state.result;
    }
    api.ctxtUseOptions(state.context, XML_PARSE_NONET);
    api.parseChunk(state.context, bytes, length, 1);
    if (state.result.code == 0 && !state.result.stopped && !state.context->wellFormed) {
        state.result.code = state.context->errNo ? state.context->errNo : XML_ERR_INTERNAL_ERROR;
        position(&state, &state.result.line, &state.result.column);
    }
    api.freeParserCtxt(state.context);
    return state.result;
}
