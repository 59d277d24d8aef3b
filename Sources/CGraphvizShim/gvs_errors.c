// Diagnostics capture through cgraph's `agseterrf` hook, and the one-time pre-growth of
// cgraph's message buffer (graphviz #1924). Not thread-safe: callers hold the lock.
#include "gvshim.h"
#include "gvs_api.h"

#include <stdlib.h>
#include <string.h>

// One captured message: a slice of `text`.
typedef struct {
    gvs_message_level level;
    size_t offset;
    size_t length;
} gvs_record;

static struct {
    char *text;  // all message texts, back to back (not NUL-separated)
    size_t length;
    size_t capacity;
    gvs_record *records;
    size_t count;
    size_t record_capacity;
    // userout() sends "Error"/"Warning", then ": ", then the formatted message.
    // `pending` holds the level word until ": " confirms that a new message starts.
    int pending;  // 0 none, 1 "Warning" seen, 2 "Error" seen
    int discard;  // set while pre-growing the buffer
    int out_of_memory;
} capture;

static int text_reserve(size_t extra) {
    if (extra > (size_t)-1 - capture.length) {
        return -1;
    }
    size_t needed = capture.length + extra;
    if (needed <= capture.capacity) {
        return 0;
    }
    size_t capacity = capture.capacity ? capture.capacity : 1024;
    while (capacity < needed) {
        capacity = capacity > ((size_t)-1) / 2 ? needed : capacity * 2;
    }
    char *grown = realloc(capture.text, capacity);
    if (!grown) {
        return -1;
    }
    capture.text = grown;
    capture.capacity = capacity;
    return 0;
}

static int start_record(gvs_message_level level) {
    if (capture.count == capture.record_capacity) {
        size_t capacity = capture.record_capacity ? capture.record_capacity * 2 : 16;
        gvs_record *grown = realloc(capture.records, capacity * sizeof(gvs_record));
        if (!grown) {
            return -1;
        }
        capture.records = grown;
        capture.record_capacity = capacity;
    }
    capture.records[capture.count].level = level;
    capture.records[capture.count].offset = capture.length;
    capture.records[capture.count].length = 0;
    capture.count += 1;
    return 0;
}

static void append_text(const char *fragment, size_t length) {
    if (capture.count == 0) {
        // A continuation (AGPREV) or prefix-less message with nothing before it.
        if (start_record(GVS_MESSAGE_WARNING) != 0) {
            capture.out_of_memory = 1;
            return;
        }
    }
    if (text_reserve(length) != 0) {
        capture.out_of_memory = 1;
        return;
    }
    memcpy(capture.text + capture.length, fragment, length);
    capture.length += length;
    capture.records[capture.count - 1].length += length;
}

static void flush_pending_word(void) {
    if (capture.pending == 1) {
        append_text("Warning", 7);
    } else if (capture.pending == 2) {
        append_text("Error", 5);
    }
    capture.pending = 0;
}

// The agusererrf hook. Receives one fragment per call.
static int capture_hook(char *fragment) {
    if (capture.discard || !fragment) {
        return 0;
    }
    if (capture.pending == 0) {
        if (strcmp(fragment, "Warning") == 0) {
            capture.pending = 1;
            return 0;
        }
        if (strcmp(fragment, "Error") == 0) {
            capture.pending = 2;
            return 0;
        }
    } else if (strcmp(fragment, ": ") == 0) {
        gvs_message_level level = capture.pending == 2 ? GVS_MESSAGE_ERROR : GVS_MESSAGE_WARNING;
        capture.pending = 0;
        if (start_record(level) != 0) {
            capture.out_of_memory = 1;
        }
        return 0;
    } else {
        flush_pending_word();
    }
    append_text(fragment, strlen(fragment));
    return 0;
}

int gvs_init(size_t message_capacity) {
    if (message_capacity < 2048) {
        message_capacity = 2048;
    }
    char *message = malloc(message_capacity + 1);
    if (!message) {
        return -1;
    }
    // No '%' anywhere, so userout()'s second vsnprintf does not touch the va_list.
    memset(message, 'x', message_capacity);
    message[message_capacity] = '\0';

    agusererrf previous_hook = agseterrf(capture_hook);
    agerrlevel_t previous_level = agseterr(AGWARN);
    capture.discard = 1;
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wformat-security"
#pragma clang diagnostic ignored "-Wformat-nonliteral"
    agerr(AGWARN, message);
#pragma clang diagnostic pop
    capture.discard = 0;
    agseterr(previous_level);
    agseterrf(previous_hook);
    agreseterrors();
    free(message);
    return 0;
}

void gvs_capture_begin(void) {
    capture.length = 0;
    capture.count = 0;
    capture.pending = 0;
    capture.out_of_memory = 0;
    agreseterrors();
    agseterr(AGWARN);
    agseterrf(capture_hook);
}

int gvs_capture_end(void) {
    flush_pending_word();
    agseterrf(NULL);
    if (capture.out_of_memory) {
        // Say so rather than silently returning a truncated list.
        capture.out_of_memory = 0;
        static const char note[] = "(some Graphviz messages were lost: out of memory)";
        if (start_record(GVS_MESSAGE_WARNING) == 0) {
            append_text(note, sizeof note - 1);
        }
    }
    (void)agreseterrors();
    for (size_t i = 0; i < capture.count; i++) {
        if (capture.records[i].level == GVS_MESSAGE_ERROR) {
            return 1;
        }
    }
    return 0;
}

size_t gvs_capture_count(void) {
    return capture.count;
}

const char *gvs_capture_message(size_t index, gvs_message_level *level, size_t *length) {
    if (index >= capture.count) {
        return NULL;
    }
    gvs_record record = capture.records[index];
    if (level) {
        *level = record.level;
    }
    if (length) {
        *length = record.length;
    }
    // A record can be empty (no text yet), and `text` may still be NULL then.
    return record.length ? capture.text + record.offset : "";
}

void gvs_free(void *pointer) {
    free(pointer);
}
