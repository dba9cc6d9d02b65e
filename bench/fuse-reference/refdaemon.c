/*
 * The reference C daemon of `Simulator.Benchmarks fuse-mount`: libfuse3's low-level API, one
 * thread (fuse_session_loop), a root directory holding one file of SIZE bytes kept in memory.
 * It is the yardstick our C# daemons are measured against on the same mount, machine and run.
 *
 *   refdaemon MOUNTPOINT SIZE [--iov] [--direct] [--max-write BYTES]
 *
 * --iov      READ replies with fuse_reply_iov pointing into the file (no copy in user space);
 *            without it READ copies the bytes into one reused buffer and replies with
 *            fuse_reply_buf, as a file system that fills a destination buffer does (memfs fills Dst).
 * --direct   OPEN sets direct_io (FOPEN_DIRECT_IO): requests skip the page cache.
 * --max-write asks for that max_write in INIT. libfuse caps it at the buffer it reads requests
 *            into (256 pages in libfuse 3.14, so at most 1 MiB), and this libfuse has no
 *            conn->max_pages: it derives max_pages from max_write.
 *
 * It prints "mounted" once mount(2) is done, serves until the file system is unmounted (or
 * SIGTERM/SIGINT), then prints what it served on stderr. Compiled at run time by the harness.
 */
#define FUSE_USE_VERSION 34
#include <fuse_lowlevel.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FILE_INO 2
#define FILE_NAME "file"
#define TIMEOUT (365.0 * 24 * 3600) /* attributes never change behind the kernel's back */

static struct {
	char *content;        /* the file's bytes: capacity = SIZE */
	size_t capacity, size;
	int iov, direct;
	unsigned max_write;   /* asked for, 0: libfuse's default */
	char *copy;           /* copy mode's reply buffer, grown to the largest READ */
	size_t copy_size;
	unsigned long reads, writes, max_read_req, max_write_req;
} fs;

static void fill_attr(fuse_ino_t ino, struct stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_ino = ino;
	if (ino == FILE_INO) {
		st->st_mode = S_IFREG | 0644;
		st->st_nlink = 1;
		st->st_size = (off_t)fs.size;
	} else {
		st->st_mode = S_IFDIR | 0755;
		st->st_nlink = 2;
	}
}

static void ref_init(void *userdata, struct fuse_conn_info *conn)
{
	(void)userdata;
	/* Only ever lower: above libfuse's buffer the kernel would refuse our reads (EINVAL). */
	if (fs.max_write && fs.max_write < conn->max_write)
		conn->max_write = fs.max_write;
	fprintf(stderr, "refdaemon: max_write %u\n", conn->max_write);
}

static void ref_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct fuse_entry_param e;
	if (parent != FUSE_ROOT_ID || strcmp(name, FILE_NAME) != 0) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	memset(&e, 0, sizeof e);
	e.ino = FILE_INO;
	e.attr_timeout = e.entry_timeout = TIMEOUT;
	fill_attr(FILE_INO, &e.attr);
	fuse_reply_entry(req, &e);
}

static void ref_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct stat st;
	(void)fi;
	fill_attr(ino, &st);
	fuse_reply_attr(req, &st, TIMEOUT);
}

static void ref_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr, int to_set, struct fuse_file_info *fi)
{
	struct stat st;
	(void)fi;
	if (ino == FILE_INO && (to_set & FUSE_SET_ATTR_SIZE)) {
		size_t size = (size_t)attr->st_size;
		if (size > fs.capacity) {
			fuse_reply_err(req, EFBIG);
			return;
		}
		if (size > fs.size) /* a file extended reads zeros */
			memset(fs.content + fs.size, 0, size - fs.size);
		fs.size = size;
	}
	fill_attr(ino, &st);
	fuse_reply_attr(req, &st, TIMEOUT);
}

static void ref_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	if (ino != FILE_INO) {
		fuse_reply_err(req, EISDIR);
		return;
	}
	fi->direct_io = fs.direct;
	fuse_reply_open(req, fi);
}

static void ref_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
	size_t n = (size_t)off >= fs.size ? 0 : fs.size - (size_t)off;
	(void)ino;
	(void)fi;
	if (n > size)
		n = size;
	fs.reads++;
	if (size > fs.max_read_req)
		fs.max_read_req = size;
	if (fs.iov) {
		struct iovec iov = { .iov_base = fs.content + off, .iov_len = n };
		fuse_reply_iov(req, &iov, 1); /* libfuse writev()s the header and our iovec */
		return;
	}
	if (n > fs.copy_size) {
		char *bigger = realloc(fs.copy, n);
		if (!bigger) {
			fuse_reply_err(req, ENOMEM);
			return;
		}
		fs.copy = bigger;
		fs.copy_size = n;
	}
	memcpy(fs.copy, fs.content + off, n);
	fuse_reply_buf(req, fs.copy, n);
}

static void ref_write(fuse_req_t req, fuse_ino_t ino, const char *buf, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	fs.writes++;
	if (size > fs.max_write_req)
		fs.max_write_req = size;
	if ((size_t)off + size > fs.capacity) {
		fuse_reply_err(req, EFBIG);
		return;
	}
	memcpy(fs.content + off, buf, size); /* buf is libfuse's request buffer */
	if ((size_t)off + size > fs.size)
		fs.size = (size_t)off + size;
	fuse_reply_write(req, size);
}

static void ref_ok(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	fuse_reply_err(req, 0); /* flush and release: nothing to do */
}

static const struct fuse_lowlevel_ops ops = {
	.init = ref_init,
	.lookup = ref_lookup,
	.getattr = ref_getattr,
	.setattr = ref_setattr,
	.open = ref_open,
	.read = ref_read,
	.write = ref_write,
	.flush = ref_ok,
	.release = ref_ok,
};

int main(int argc, char **argv)
{
	char *fuse_argv[] = { argv[0], "-o", "fsname=bufferlab-ref", NULL };
	struct fuse_args args = FUSE_ARGS_INIT(3, fuse_argv);
	struct fuse_session *se;
	int i, rc;

	if (argc < 3) {
		fprintf(stderr, "usage: %s MOUNTPOINT SIZE [--iov] [--direct] [--max-write BYTES]\n", argv[0]);
		return 2;
	}
	fs.capacity = fs.size = strtoull(argv[2], NULL, 10);
	for (i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--iov") == 0)
			fs.iov = 1;
		else if (strcmp(argv[i], "--direct") == 0)
			fs.direct = 1;
		else if (strcmp(argv[i], "--max-write") == 0 && i + 1 < argc)
			fs.max_write = (unsigned)strtoul(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "refdaemon: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	/* malloc and memset, not calloc (whose pages stay unmapped, and the compiler drops a memset
	 * after calloc): every page is touched now, so the first WRITEs do not pay 65536 page faults
	 * (memfs's file is filled in advance too). */
	fs.content = malloc(fs.capacity ? fs.capacity : 1);
	if (!fs.content)
		return 1;
	memset(fs.content, 0, fs.capacity);

	se = fuse_session_new(&args, &ops, sizeof ops, NULL);
	if (!se)
		return 1;
	if (fuse_set_signal_handlers(se) != 0 || fuse_session_mount(se, argv[1]) != 0) {
		fuse_session_destroy(se);
		return 1;
	}
	printf("mounted\n");
	fflush(stdout);
	rc = fuse_session_loop(se); /* ends on unmount (ENODEV) or a signal */
	fuse_session_unmount(se);
	fuse_remove_signal_handlers(se);
	fuse_session_destroy(se);
	fprintf(stderr, "refdaemon: reads %lu (largest %lu B), writes %lu (largest %lu B)\n",
		fs.reads, fs.max_read_req, fs.writes, fs.max_write_req);
	return rc < 0 ? 1 : 0;
}
