/*
 * Packs directories as a gzip-compressed tar archive, streaming: files are read and compressed
 * in 64 KiB pieces, never held whole in memory.
 *
 * Format: POSIX ustar. Entries are the regular files below the directory, named by their path
 * relative to it (no leading "./", no directory entries), in byte order of their names; with
 * several directories, each one's entries in turn, behind its prefix (e.g. "12/"). A name
 * longer than 100 bytes, or a file of 8 GiB or more, gets a pax extended header ("path=",
 * "size=") in front of its entry, which every current tar reader understands.
 */
#ifndef SIMSWARM_TARGZ_H
#define SIMSWARM_TARGZ_H

#include <stddef.h>

/*
 * Writes DIR as tar.gz to OUT_FD with zlib compression LEVEL (0 = stored, 1-9). Returns the number of files
 * packed, or -1 with a reason in ERR.
 */
int targz_write_dir(const char *dir, int out_fd, int level, char *err, size_t errlen);

/* One directory of a multi-directory archive: its files are named PREFIX + path relative to DIR. */
struct targz_source {
    const char *dir;
    const char *prefix; /* e.g. "12/"; "" for none */
};

/*
 * Writes the directories one after the other into one tar.gz (e.g. a folder per run, prefix "12/"), streaming
 * as targz_write_dir(). Returns the number of files packed, or -1 with a reason in ERR.
 */
int targz_write_dirs(const struct targz_source *sources, size_t count, int out_fd, int level, char *err,
                     size_t errlen);

#endif
