#include "words.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* First words that mean something only to a shell: keywords and builtins that change the shell itself. */
static const char *const SHELL_FIRST_WORDS[] = {
    "!", "{", "}", "[[", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in",
    "select", "then", "time", "until", "while", ".", ":", "alias", "break", "cd", "command", "continue", "eval",
    "exec", "exit", "export", "getopts", "hash", "local", "read", "readonly", "return", "set", "shift", "source",
    "times", "trap", "type", "ulimit", "umask", "unalias", "unset", "wait", NULL};

struct word_list {
    char **v;
    size_t n;
    size_t cap;
};

static void push(struct word_list *w, char *word)
{
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? 2 * w->cap : 8;
        w->v = xrealloc(w->v, w->cap * sizeof *w->v);
    }
    w->v[w->n++] = word;
    w->v[w->n] = NULL;
}

void words_free(char **words)
{
    if (!words)
        return;
    for (char **p = words; *p; p++)
        free(*p);
    free(words);
}

/* Appends the double-quoted text after P (which points at the opening quote); returns the closing quote or NULL. */
static const char *double_quoted(const char *p, struct strbuf *word)
{
    for (p++; *p != '"'; p++) {
        if (*p == '\0' || *p == '$' || *p == '`')
            return NULL;
        if (*p == '\\') {
            if (p[1] == '\n' || p[1] == '\0')
                return NULL;
            if (strchr("$`\"\\", p[1])) {
                p++;
            }
        }
        sb_append(word, p, 1);
    }
    return p;
}

char **words_of_plain_command(const char *command)
{
    struct word_list words = {0};
    struct strbuf word = {0};
    int in_word = 0; /* a word has begun, possibly an empty quoted one */
    for (const char *p = command;; p++) {
        char c = *p;
        if (c == '\0' || c == ' ' || c == '\t') {
            if (in_word)
                push(&words, word.data ? word.data : xstrdup(""));
            word = (struct strbuf){0};
            in_word = 0;
            if (c == '\0')
                break;
            continue;
        }
        if (!in_word && (c == '#' || c == '~'))
            goto needs_shell;
        if (c == '=' && words.n == 0)
            goto needs_shell; /* perhaps an assignment */
        if (c == '\'') {
            const char *end = strchr(p + 1, '\'');
            if (!end)
                goto needs_shell;
            sb_append(&word, p + 1, (size_t)(end - p - 1));
            p = end;
        } else if (c == '"') {
            if (!(p = double_quoted(p, &word)))
                goto needs_shell;
        } else if (c == '\\') {
            if (p[1] == '\0' || p[1] == '\n')
                goto needs_shell;
            sb_append(&word, ++p, 1);
        } else if (strchr("|&;<>()$`*?[\n", c)) {
            goto needs_shell;
        } else {
            sb_append(&word, p, 1);
        }
        in_word = 1;
    }
    if (words.n == 0)
        goto needs_shell;
    for (const char *const *k = SHELL_FIRST_WORDS; *k; k++) {
        if (strcmp(words.v[0], *k) == 0)
            goto needs_shell;
    }
    return words.v;

needs_shell:
    sb_free(&word);
    if (words.v)
        words_free(words.v);
    return NULL;
}
