#ifndef CBAYANSYS_H
#define CBAYANSYS_H
// Linux calls that Glibc's Swift module does not expose (they need _GNU_SOURCE).
int cbayan_rename_noreplace(const char *from, const char *to);
int cbayan_rename_exchange(const char *a, const char *b);
int cbayan_syncfs(int fd);
int cbayan_wait_written(int fd);
#endif
