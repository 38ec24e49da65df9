/*
 * Splits a command line into words the way /bin/sh would, for the commands that need nothing else
 * from a shell: one simple command made of plain, single-quoted and double-quoted words. The
 * runner starts such a command directly (execvp) instead of through /bin/sh -c, which saves one
 * program start per run; anything else still goes to the shell.
 */
#ifndef SIMSWARM_WORDS_H
#define SIMSWARM_WORDS_H

/*
 * The words of COMMAND as a NULL-terminated array (free it with words_free), or NULL when only a
 * shell can run it: operators and redirections (| & ; < > ( ) newline), expansions ($, `, unquoted
 * * ? [, a word starting with ~ or #), an assignment or a shell keyword or special builtin as the
 * first word, a backslash before a newline, an unterminated quote, or no word at all.
 */
char **words_of_plain_command(const char *command);

void words_free(char **words);

#endif
