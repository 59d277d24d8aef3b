// Reading DOT text: a deterministic ID discipline, a bounded in-memory reader, and the
// flushing of cgraph's global flex scanner after every read. Not thread-safe: callers
// hold the lock.
#include "gvshim.h"
#include "gvs_api.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Deterministic ID discipline

// cgraph's default discipline uses the heap address of the interned name as a named
// object's ID and a process-global counter for anonymous ones. Subgraphs are kept in a
// dictionary ordered by ID, so in a long-running process the cluster order (and with
// it the layout) changes from one render to the next. Here IDs come from counters
// kept per root graph: named objects get 2, 4, 6, ... and anonymous objects (and
// edges without a key) 1, 3, 5, ..., both in first-seen order.
//
// The discipline owns its name<->ID tables. It must not rely on cgraph's internal name
// map: agclose() of any subgraph (neato, fdp, sfdp and twopi create and close
// components) calls aginternalmapclose() on the shared closure, which wipes every name.
//
// The names it keeps (and returns from `print`, i.e. agnameof) are strings of the root
// graph's reference-counted string pool (agstrdup), like the default discipline's:
// cgraph's writer asks aghtmlstr() whether a name is an HTML string, which reads the
// pool's header in front of the characters, so a plain malloc'd copy would make it read
// heap metadata (and write some names as <...>).

typedef struct {
    Agraph_t *root;
    char **names;  // names[k] is the name with ID 2 * (k + 1), held with agstrdup
    size_t count;
    size_t capacity;
    uint32_t *slots;  // open addressing: 0 = empty, else k + 1
    size_t slot_count;  // a power of two
    IDTYPE next_anonymous;
} gvs_idstate;

static uint64_t hash_name(const char *name) {
    uint64_t hash = 1469598103934665603ULL;  // FNV-1a
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// Returns the slot index holding `name`, or the empty slot where it would go.
static size_t find_slot(const gvs_idstate *state, const char *name, uint64_t hash) {
    size_t mask = state->slot_count - 1;
    size_t index = (size_t)hash & mask;
    while (state->slots[index] != 0) {
        if (strcmp(state->names[state->slots[index] - 1], name) == 0) {
            return index;
        }
        index = (index + 1) & mask;
    }
    return index;
}

static int grow_slots(gvs_idstate *state) {
    size_t slot_count = state->slot_count ? state->slot_count * 2 : 64;
    uint32_t *slots = calloc(slot_count, sizeof(uint32_t));
    if (!slots) {
        return -1;
    }
    free(state->slots);
    state->slots = slots;
    state->slot_count = slot_count;
    for (size_t k = 0; k < state->count; k++) {
        size_t index = find_slot(state, state->names[k], hash_name(state->names[k]));
        state->slots[index] = (uint32_t)(k + 1);
    }
    return 0;
}

static void *id_open(Agraph_t *graph, Agdisc_t *discipline) {
    (void)discipline;
    gvs_idstate *state = calloc(1, sizeof(gvs_idstate));
    if (state) {
        state->root = graph;
        state->next_anonymous = 1;
    }
    return state;
}

static long id_map(void *opaque, int objtype, char *name, IDTYPE *id, int create) {
    (void)objtype;
    gvs_idstate *state = opaque;
    if (!state) {
        return 0;
    }
    if (!name) {
        *id = state->next_anonymous;
        state->next_anonymous += 2;
        return 1;
    }
    uint64_t hash = hash_name(name);
    if (state->slot_count) {
        size_t index = find_slot(state, name, hash);
        if (state->slots[index]) {
            *id = 2 * (IDTYPE)state->slots[index];
            return 1;
        }
    }
    if (!create) {
        return 0;  // unknown name: cgraph then reports "not found"
    }
    // Keep the table at most half full; 32-bit slots bound the number of names.
    if (state->count >= UINT32_MAX - 1) {
        return 0;
    }
    if ((state->count + 1) * 2 > state->slot_count && grow_slots(state) != 0) {
        return 0;
    }
    if (state->count == state->capacity) {
        size_t capacity = state->capacity ? state->capacity * 2 : 32;
        char **names = realloc(state->names, capacity * sizeof(char *));
        if (!names) {
            return 0;
        }
        state->names = names;
        state->capacity = capacity;
    }
    // One more reference to the pooled string (the same entry, HTML flag included, as
    // the scanner's token when the name came from DOT text).
    char *copy = agstrdup(state->root, name);
    if (!copy) {
        return 0;
    }
    // Returning 0 above makes cgraph fall back to an anonymous ID plus its internal
    // map, which is still correct, only no longer deterministic.
    state->names[state->count] = copy;
    state->count += 1;
    state->slots[find_slot(state, name, hash)] = (uint32_t)state->count;
    *id = 2 * (IDTYPE)state->count;
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0;  // like the default discipline: callers cannot choose IDs
}

static void id_free(void *state, int objtype, IDTYPE id) {
    // Names live until the root graph closes: a deleted and re-created object gets
    // its old ID back, which keeps the numbering stable.
    (void)state;
    (void)objtype;
    (void)id;
}

static char *id_print(void *opaque, int objtype, IDTYPE id) {
    (void)objtype;
    gvs_idstate *state = opaque;
    if (!state || id == 0 || id % 2 != 0 || id / 2 > state->count) {
        return NULL;  // anonymous: cgraph prints "%<id>"
    }
    return state->names[id / 2 - 1];
}

static void id_close(void *opaque) {
    gvs_idstate *state = opaque;
    if (!state) {
        return;
    }
    // agclose() of the root calls this before it frees the string pool.
    for (size_t k = 0; k < state->count; k++) {
        agstrfree(state->root, state->names[k]);
    }
    free(state->names);
    free(state->slots);
    free(state);
}

static void id_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

static Agiddisc_t deterministic_ids = {
    id_open, id_map, id_alloc, id_free, id_print, id_close, id_register,
};

// MARK: - Bounded in-memory reader

typedef struct {
    const char *data;
    size_t length;
    size_t position;
} gvs_reader;

// Flex's YY_INPUT. Never reads past `length` (the text need not be NUL-terminated).
static int reader_read(void *channel, char *buffer, int size) {
    gvs_reader *reader = channel;
    if (size <= 0 || reader->position >= reader->length) {
        return 0;
    }
    size_t count = reader->length - reader->position;
    if (count > (size_t)size) {
        count = (size_t)size;
    }
    memcpy(buffer, reader->data + reader->position, count);
    reader->position += count;
    return (int)count;
}

// MARK: - Scanner pre-check

// cgraph's scanner returns end-of-input for a bare '@' (GRAPH_EOF_TOKEN); agread()
// then flushes whatever follows, so text after it would be dropped without a message.
// This follows the scanner's states (scan.l) to find such an '@'. Returns its 1-based
// line, or 0 if there is none.
static size_t find_bare_eof_token(const char *text, size_t length) {
    enum { INITIAL, COMMENT, QSTRING, HSTRING } mode = INITIAL;
    size_t line = 1;
    size_t html_depth = 0;
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        char next = i + 1 < length ? text[i + 1] : '\0';
        if (c == '\n') {
            line += 1;
            continue;
        }
        switch (mode) {
        case INITIAL:
            if (c == '@') {
                return line;
            } else if (c == '"') {
                mode = QSTRING;
            } else if (c == '<') {
                mode = HSTRING;
                html_depth = 1;
            } else if (c == '/' && next == '*') {
                mode = COMMENT;
                i += 1;
            } else if (c == '#' || (c == '/' && next == '/')) {
                while (i + 1 < length && text[i + 1] != '\n') {
                    i += 1;
                }
            }
            break;
        case COMMENT:
            if (c == '*' && next == '/') {
                mode = INITIAL;
                i += 1;
            }
            break;
        case QSTRING:
            if (c == '\\' && (next == '"' || next == '\\' || next == '\n')) {
                i += 1;
                if (next == '\n') {
                    line += 1;
                }
            } else if (c == '"') {
                mode = INITIAL;
            }
            break;
        case HSTRING:
            if (c == '<') {
                html_depth += 1;
            } else if (c == '>') {
                html_depth -= 1;
                if (html_depth == 0) {
                    mode = INITIAL;
                }
            }
            break;
        }
    }
    return 0;
}

// MARK: - Reading

// Declared by cgraph's scanner but not in cgraph.h: discards the flex buffer.

Agraph_t *gvs_read(const char *text, size_t length, gvs_read_status *status, size_t *detail) {
    *detail = 0;
    size_t eof_line = find_bare_eof_token(text, length);
    if (eof_line) {
        *status = GVS_READ_BARE_EOF_TOKEN;
        *detail = eof_line;
        return NULL;
    }

    static Agiodisc_t io;
    io.afread = reader_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    Agdisc_t discipline = {&AgMemDisc, &deterministic_ids, &io};  // agopen copies the members
    gvs_reader reader = {text, length, 0};

    agsetfile(NULL);  // line 1, no file name left over from a "#line" directive
    Agraph_t *graph = agread(&reader, &discipline);
    if (!graph) {
        *status = agerrors() >= AGERR ? GVS_READ_SYNTAX_ERROR : GVS_READ_EMPTY;
    } else {
        // agread stops after the first graph and leaves the rest in the flex buffer,
        // where the next read would find it. Parse the rest now, from the same reader:
        // only white space and comments may follow.
        // agerrors() is a sticky maximum: clear it so that it reflects the probe alone.
        // (Messages of the first parse stay in the capture, with their levels.)
        (void)agreseterrors();
        Agraph_t *extra = agread(&reader, &discipline);
        if (extra) {
            agclose(extra);
            *status = GVS_READ_SECOND_GRAPH;
        } else if (agerrors() >= AGERR) {
            *status = GVS_READ_TRAILING_INPUT;
        } else {
            *status = GVS_READ_OK;
        }
        if (*status != GVS_READ_OK) {
            agclose(graph);
            graph = NULL;
        }
    }
    aglexbad();
    agsetfile(NULL);
    return graph;
}
