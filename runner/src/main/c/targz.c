#define _GNU_SOURCE
#include "targz.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define BLOCK 512
#define IO_CHUNK 65536
#define USTAR_SIZE_MAX 077777777777ULL /* 11 octal digits: 8 GiB - 1 */

struct ustar_header {
    char name[100];
    char mode[8];
    char uid[8];
    char gid[8];
    char size[12];
    char mtime[12];
    char chksum[8];
    char typeflag;
    char linkname[100];
    char magic[6];
    char version[2];
    char uname[32];
    char gname[32];
    char devmajor[8];
    char devminor[8];
    char prefix[155];
    char pad[12];
};
_Static_assert(sizeof(struct ustar_header) == BLOCK, "a tar header is one 512-byte block");

/* The gzip stream: everything written here is compressed and written to the output file. */
struct gz {
    z_stream z;
    int fd;
    unsigned char out[IO_CHUNK];
    char *err;
    size_t errlen;
};

static int gz_deflate(struct gz *gz, int flush)
{
    int rc;
    do {
        gz->z.next_out = gz->out;
        gz->z.avail_out = sizeof gz->out;
        rc = deflate(&gz->z, flush);
        if (rc == Z_STREAM_ERROR) {
            snprintf(gz->err, gz->errlen, "compression failed");
            return -1;
        }
        size_t have = sizeof gz->out - gz->z.avail_out;
        if (have > 0 && write_all(gz->fd, gz->out, have) != 0) {
            snprintf(gz->err, gz->errlen, "cannot write the archive: %s", strerror(errno));
            return -1;
        }
    } while (gz->z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
    return 0;
}

static int gz_write(struct gz *gz, const void *data, size_t n)
{
    gz->z.next_in = (unsigned char *)data;
    gz->z.avail_in = (uInt)n;
    return gz_deflate(gz, Z_NO_FLUSH);
}

/* ---------------------------------------------------------------- tar entries */

/* Fills a numeric field with WIDTH - 1 octal digits and a NUL (the value must fit). */
static void octal(char *field, size_t width, unsigned long long value)
{
    size_t i = width - 1;
    field[i] = '\0';
    while (i-- > 0) {
        field[i] = (char)('0' + (value & 7));
        value >>= 3;
    }
}

static int write_header(struct gz *gz, const char *name, char type, unsigned mode,
                        unsigned long long size, long long mtime)
{
    struct ustar_header h;
    memset(&h, 0, sizeof h);
    size_t name_len = strlen(name);
    /* a name of exactly 100 bytes has no NUL, as ustar allows; longer ones come with a pax header */
    memcpy(h.name, name, name_len < sizeof h.name ? name_len : sizeof h.name);
    octal(h.mode, sizeof h.mode, mode & 07777);
    octal(h.uid, sizeof h.uid, 0);
    octal(h.gid, sizeof h.gid, 0);
    octal(h.size, sizeof h.size, size <= USTAR_SIZE_MAX ? size : 0);
    octal(h.mtime, sizeof h.mtime, mtime > 0 ? (unsigned long long)mtime : 0);
    h.typeflag = type;
    memcpy(h.magic, "ustar", 6);
    memcpy(h.version, "00", 2);
    memset(h.chksum, ' ', sizeof h.chksum);
    unsigned sum = 0;
    for (size_t i = 0; i < sizeof h; i++)
        sum += ((unsigned char *)&h)[i];
    snprintf(h.chksum, sizeof h.chksum, "%06o", sum);
    h.chksum[7] = ' ';
    return gz_write(gz, &h, sizeof h);
}

static int write_padding(struct gz *gz, unsigned long long size)
{
    static const char zeros[BLOCK];
    size_t rest = (size_t)(size % BLOCK);
    return rest ? gz_write(gz, zeros, BLOCK - rest) : 0;
}

static size_t digits(size_t n)
{
    size_t d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

/* Appends one pax record "LEN key=value\n", LEN counting the whole record including itself. */
static void pax_record(struct strbuf *sb, const char *key, const char *value)
{
    size_t base = strlen(key) + strlen(value) + 3; /* ' ', '=', '\n' */
    size_t total = base;
    while (base + digits(total) != total)
        total = base + digits(total);
    sb_printf(sb, "%zu %s=%s\n", total, key, value);
}

static int write_pax_header(struct gz *gz, const char *name, unsigned long long size, long long mtime)
{
    struct strbuf pax = {0};
    if (strlen(name) > sizeof ((struct ustar_header *)0)->name)
        pax_record(&pax, "path", name);
    if (size > USTAR_SIZE_MAX) {
        char text[32];
        snprintf(text, sizeof text, "%llu", size);
        pax_record(&pax, "size", text);
    }
    int rc = 0;
    if (pax.len > 0) {
        rc = write_header(gz, "././@PaxHeader", 'x', 0644, pax.len, mtime);
        if (rc == 0)
            rc = gz_write(gz, pax.data, pax.len);
        if (rc == 0)
            rc = write_padding(gz, pax.len);
    }
    sb_free(&pax);
    return rc;
}

static int add_file(struct gz *gz, const char *path, const char *name)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(gz->err, gz->errlen, "cannot read %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    unsigned long long size = (unsigned long long)st.st_size;
    int rc = write_pax_header(gz, name, size, st.st_mtime);
    if (rc == 0)
        rc = write_header(gz, name, '0', st.st_mode, size, st.st_mtime);
    static char buf[IO_CHUNK];
    unsigned long long left = size;
    while (rc == 0 && left > 0) {
        ssize_t n = read(fd, buf, left < sizeof buf ? (size_t)left : sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            snprintf(gz->err, gz->errlen, "cannot read %s: %s", path,
                     n == 0 ? "file shrank while packing" : strerror(errno));
            rc = -1;
            break;
        }
        rc = gz_write(gz, buf, (size_t)n);
        left -= (unsigned long long)n;
    }
    close(fd);
    return rc == 0 ? write_padding(gz, size) : rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dots(const struct dirent *e)
{
    return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

/* Adds the regular files below PATH, naming them PREFIX + relative path; returns the count or -1. */
static int add_tree(struct gz *gz, const char *path, const char *prefix)
{
    struct dirent **entries;
    int n = scandir(path, &entries, skip_dots, by_name);
    if (n < 0) {
        snprintf(gz->err, gz->errlen, "cannot list %s: %s", path, strerror(errno));
        return -1;
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
        char *child = xprintf("%s/%s", path, entries[i]->d_name);
        char *name = xprintf("%s%s", prefix, entries[i]->d_name);
        struct stat st;
        int added = 0;
        if (count >= 0 && lstat(child, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                char *sub_prefix = xprintf("%s/", name);
                added = add_tree(gz, child, sub_prefix);
                free(sub_prefix);
            } else if (S_ISREG(st.st_mode)) {
                added = add_file(gz, child, name) == 0 ? 1 : -1;
            }
        }
        count = added < 0 || count < 0 ? -1 : count + added;
        free(child);
        free(name);
        free(entries[i]);
    }
    free(entries);
    return count;
}

int targz_write_dirs(const struct targz_source *sources, size_t count, int out_fd, int level, char *err,
                     size_t errlen)
{
    struct gz *gz = xmalloc(sizeof *gz);
    memset(&gz->z, 0, sizeof gz->z);
    gz->fd = out_fd;
    gz->err = err;
    gz->errlen = errlen;
    /* windowBits 15 + 16: a gzip header and trailer around the deflate stream */
    if (deflateInit2(&gz->z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        snprintf(err, errlen, "cannot initialise zlib");
        free(gz);
        return -1;
    }
    int total = 0;
    for (size_t i = 0; i < count && total >= 0; i++) {
        int files = add_tree(gz, sources[i].dir, sources[i].prefix);
        total = files < 0 ? -1 : total + files;
    }
    if (total >= 0) {
        static const char end[2 * BLOCK];
        if (gz_write(gz, end, sizeof end) != 0)
            total = -1;
    }
    if (total >= 0) {
        gz->z.next_in = NULL;
        gz->z.avail_in = 0;
        if (gz_deflate(gz, Z_FINISH) != 0)
            total = -1;
    }
    deflateEnd(&gz->z);
    free(gz);
    return total;
}

int targz_write_dir(const char *dir, int out_fd, int level, char *err, size_t errlen)
{
    struct targz_source source = {.dir = dir, .prefix = ""};
    return targz_write_dirs(&source, 1, out_fd, level, err, errlen);
}
