/*
 * rawxlsx: the limit Khet's notice writing is measured against. Replays the cells that
 * dump_notices.py read out of Khet's school notices (values, formulas with cached values,
 * formats, merges, widths, heights, print setup, properties) straight into libxlsxwriter,
 * one workbook per notice, with nothing else in the way: no import, no calculation, no layout.
 *
 *   rawxlsx [-j 1|2] [-o DIR] DUMP.txt
 *
 * The dump is parsed before the clock starts; the clock covers writing every workbook. With
 * -j 2 two pthreads each write every other workbook (each its own workbooks and formats).
 * Prints: "<workbooks> workbooks in <seconds> s: <rate> workbooks/s".
 *
 * Built by benchmarks/bench.sh: cc -O2 -o rawxlsx rawxlsx.c -lxlsxwriter -lpthread
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <xlsxwriter.h>

typedef struct {
    char *font, *numfmt;
    double size;
    int bold, italic, color, fill, halign, valign, wrap, left, right, top, bottom, border_color;
} Format;

typedef struct {
    char kind;
    int r, c, r2, c2, fmt;
    double number;
    char *text, *text2;
    char *props[6];
    double extra[6];
} Op;

typedef struct {
    char *name;
    Op *ops;
    int count, capacity;
} Book;

static Format *formats;
static int format_count, format_capacity;
static Book *books;
static int book_count, book_capacity;
static const char *out_dir = ".";

/* Splits a line on tabs in place and undoes the dump's escapes. */
static int split(char *line, char **fields, int max) {
    int n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *w = p;
        while (*p && *p != '\t' && *p != '\n') {
            if (*p == '\\' && p[1]) {
                p++;
                *w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
                p++;
            } else {
                *w++ = *p++;
            }
        }
        char end = *p;
        *w = 0;
        if (end != '\t') break;
        p++;
    }
    return n;
}

static Op *add_op(char kind) {
    Book *b = &books[book_count - 1];
    if (b->count == b->capacity) {
        b->capacity = b->capacity ? b->capacity * 2 : 64;
        b->ops = realloc(b->ops, sizeof(Op) * b->capacity);
    }
    Op *op = &b->ops[b->count++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    return op;
}

static void load(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    char *line = NULL;
    size_t cap = 0;
    char *fld[20];
    while (getline(&line, &cap, f) > 0) {
        int n = split(line, fld, 20);
        char kind = fld[0][0];
        if (kind == 'X') {
            if (n < 17) { fprintf(stderr, "bad format line\n"); exit(1); }
            if (format_count == format_capacity) {
                format_capacity = format_capacity ? format_capacity * 2 : 32;
                formats = realloc(formats, sizeof(Format) * format_capacity);
            }
            Format *x = &formats[atoi(fld[1])];
            format_count++;
            x->font = strdup(fld[2]); x->size = atof(fld[3]); x->bold = atoi(fld[4]); x->italic = atoi(fld[5]);
            x->color = atoi(fld[6]); x->fill = atoi(fld[7]); x->numfmt = strdup(fld[8]); x->halign = atoi(fld[9]);
            x->valign = atoi(fld[10]); x->wrap = atoi(fld[11]); x->left = atoi(fld[12]); x->right = atoi(fld[13]);
            x->top = atoi(fld[14]); x->bottom = atoi(fld[15]); x->border_color = atoi(fld[16]);
        } else if (kind == 'B') {
            if (book_count == book_capacity) {
                book_capacity = book_capacity ? book_capacity * 2 : 256;
                books = realloc(books, sizeof(Book) * book_capacity);
            }
            Book *b = &books[book_count++];
            memset(b, 0, sizeof *b);
            b->name = strdup(fld[1]);
        } else if (kind == 'E') {
            continue;
        } else if (book_count == 0) {
            fprintf(stderr, "cell before the first workbook\n");
            exit(1);
        } else {
            Op *op = add_op(kind);
            switch (kind) {
            case 'P': for (int i = 0; i < 6; i++) op->props[i] = i + 1 < n && fld[i + 1][0] ? strdup(fld[i + 1]) : NULL; break;
            case 'S': op->text = strdup(fld[1]); break;
            case 'D': op->number = atof(fld[1]); break;
            case 'W': case 'H': op->r = atoi(fld[1]); op->number = atof(fld[2]); break;
            case 'G': for (int i = 0; i < 6; i++) op->extra[i] = atof(fld[6 + i]);
                op->r = atoi(fld[1]); op->c = atoi(fld[2]); op->r2 = atoi(fld[3]); op->c2 = atoi(fld[4]);
                op->fmt = atoi(fld[5]); break;
            case 'T': op->text = strdup(fld[1]); op->text2 = strdup(n > 2 ? fld[2] : ""); break;
            case 'R': op->r = atoi(fld[1]); op->r2 = atoi(fld[2]); break;
            case 'n': op->r = atoi(fld[1]); op->c = atoi(fld[2]); op->fmt = atoi(fld[3]); op->number = atof(fld[4]); break;
            case 's': op->r = atoi(fld[1]); op->c = atoi(fld[2]); op->fmt = atoi(fld[3]); op->text = strdup(fld[4]); break;
            case 'f': op->r = atoi(fld[1]); op->c = atoi(fld[2]); op->fmt = atoi(fld[3]);
                op->text = strdup(fld[4]); op->number = atof(fld[5]); break;
            case 'b': op->r = atoi(fld[1]); op->c = atoi(fld[2]); op->fmt = atoi(fld[3]); break;
            case 'm': op->r = atoi(fld[1]); op->c = atoi(fld[2]); op->r2 = atoi(fld[3]); op->c2 = atoi(fld[4]);
                op->fmt = atoi(fld[5]); op->text = strdup(fld[6]); break;
            default: fprintf(stderr, "unknown line kind %c\n", kind); exit(1);
            }
        }
    }
    free(line);
    fclose(f);
}

/* The format `id` in `wb`, made on first use (libxlsxwriter formats belong to one workbook). */
static lxw_format *format_in(lxw_workbook *wb, lxw_format **made, int id) {
    if (id < 0) return NULL;
    if (made[id]) return made[id];
    Format *x = &formats[id];
    lxw_format *f = workbook_add_format(wb);
    if (x->font[0]) format_set_font_name(f, x->font);
    format_set_font_size(f, x->size);
    if (x->bold) format_set_bold(f);
    if (x->italic) format_set_italic(f);
    if (x->color >= 0) format_set_font_color(f, x->color);
    if (x->fill >= 0) { format_set_pattern(f, LXW_PATTERN_SOLID); format_set_bg_color(f, x->fill); }
    if (strcmp(x->numfmt, "General") != 0) format_set_num_format(f, x->numfmt);
    static const uint8_t h[] = {LXW_ALIGN_NONE, LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT, LXW_ALIGN_FILL,
                                LXW_ALIGN_JUSTIFY, LXW_ALIGN_CENTER_ACROSS, LXW_ALIGN_DISTRIBUTED};
    static const uint8_t v[] = {LXW_ALIGN_NONE, LXW_ALIGN_VERTICAL_TOP, LXW_ALIGN_VERTICAL_BOTTOM,
                                LXW_ALIGN_VERTICAL_CENTER, LXW_ALIGN_VERTICAL_JUSTIFY, LXW_ALIGN_VERTICAL_DISTRIBUTED};
    static const uint8_t border[] = {LXW_BORDER_NONE, LXW_BORDER_THIN, LXW_BORDER_MEDIUM, LXW_BORDER_DASHED,
                                     LXW_BORDER_DOTTED, LXW_BORDER_THICK, LXW_BORDER_DOUBLE, LXW_BORDER_HAIR};
    if (x->halign) format_set_align(f, h[x->halign]);
    if (x->valign) format_set_align(f, v[x->valign]);
    if (x->wrap) format_set_text_wrap(f);
    if (x->left) format_set_left(f, border[x->left]);
    if (x->right) format_set_right(f, border[x->right]);
    if (x->top) format_set_top(f, border[x->top]);
    if (x->bottom) format_set_bottom(f, border[x->bottom]);
    if (x->border_color >= 0) format_set_border_color(f, x->border_color);
    return made[id] = f;
}

static int write_book(const Book *b) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", out_dir, b->name);
    lxw_workbook *wb = workbook_new(path);
    if (!wb) return 1;
    lxw_format **made = calloc(format_count ? format_count : 1, sizeof *made);
    lxw_worksheet *ws = NULL;
    lxw_doc_properties props = {0};
    for (int i = 0; i < b->count; i++) {
        const Op *op = &b->ops[i];
        switch (op->kind) {
        case 'P':
            props.title = op->props[0]; props.subject = op->props[1]; props.author = op->props[2];
            props.company = op->props[3]; props.comments = op->props[4]; props.created = op->props[5] ? (time_t)atoll(op->props[5]) : 0;
            workbook_set_properties(wb, &props);
            break;
        case 'S': ws = workbook_add_worksheet(wb, op->text); break;
        case 'D': worksheet_set_default_row(ws, op->number, LXW_FALSE); break;
        case 'W': worksheet_set_column(ws, op->r, op->r, op->number, NULL); break;
        case 'H': worksheet_set_row(ws, op->r, op->number, NULL); break;
        case 'G':
            if (op->r) worksheet_set_paper(ws, op->r);
            if (op->c) worksheet_set_landscape(ws); else worksheet_set_portrait(ws);
            if (op->r2) worksheet_fit_to_pages(ws, op->c2, op->fmt);
            worksheet_set_margins(ws, op->extra[0], op->extra[1], op->extra[2], op->extra[3]);
            break;
        case 'T':
            if (op->text[0]) worksheet_set_header(ws, op->text);
            if (op->text2[0]) worksheet_set_footer(ws, op->text2);
            break;
        case 'R': worksheet_repeat_rows(ws, op->r, op->r2); break;
        case 'n': worksheet_write_number(ws, op->r, op->c, op->number, format_in(wb, made, op->fmt)); break;
        case 's': worksheet_write_string(ws, op->r, op->c, op->text, format_in(wb, made, op->fmt)); break;
        case 'f': worksheet_write_formula_num(ws, op->r, op->c, op->text, format_in(wb, made, op->fmt), op->number); break;
        case 'b': worksheet_write_blank(ws, op->r, op->c, format_in(wb, made, op->fmt)); break;
        case 'm': worksheet_merge_range(ws, op->r, op->c, op->r2, op->c2, op->text, format_in(wb, made, op->fmt)); break;
        }
    }
    free(made);
    return workbook_close(wb) != LXW_NO_ERROR;
}

typedef struct { int first, step, failures; } Share;

static void *worker(void *arg) {
    Share *share = arg;
    for (int i = share->first; i < book_count; i += share->step) share->failures += write_book(&books[i]);
    return NULL;
}

int main(int argc, char **argv) {
    int jobs = 1;
    const char *dump = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-j") && i + 1 < argc) jobs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc) out_dir = argv[++i];
        else dump = argv[i];
    }
    if (!dump || jobs < 1 || jobs > 64) {
        fprintf(stderr, "usage: rawxlsx [-j N] [-o DIR] DUMP.txt\n");
        return 2;
    }
    if (mkdir(out_dir, 0777) != 0 && errno != EEXIST) { perror(out_dir); return 1; }
    load(dump);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t threads[64];
    Share shares[64];
    for (int t = 0; t < jobs; t++) {
        shares[t] = (Share){t, jobs, 0};
        pthread_create(&threads[t], NULL, worker, &shares[t]);
    }
    int failures = 0;
    for (int t = 0; t < jobs; t++) {
        pthread_join(threads[t], NULL);
        failures += shares[t].failures;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    if (failures) { fprintf(stderr, "rawxlsx: %d workbooks failed\n", failures); return 1; }
    printf("%d workbooks in %.3f s: %.1f workbooks/s\n", book_count, seconds, book_count / seconds);
    return 0;
}
