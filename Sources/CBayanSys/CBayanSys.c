#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "CBayanSys.h"

int cbayan_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int cbayan_rename_exchange(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

int cbayan_syncfs(int fd) {
    return syncfs(fd);
}

int cbayan_wait_written(int fd) {
    // No I/O: waits for writeback already under way and returns the file's writeback error
    // since it was opened (file_fdatawait_range → file_check_and_advance_wb_err).
    return sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE);
}
