/*
 * runtime: runs a shell command once and prints what it cost, for
 * bench/compare.sh, at a finer grain than /usr/bin/time's hundredths of a
 * second: `ibrief query` takes a few milliseconds, which time(1) prints
 * as 0.00 s.
 *
 *   runtime 'COMMAND'
 *
 * Runs /bin/sh -c COMMAND with its standard output thrown away and its
 * standard error left as it is, then prints one line on standard output:
 * the wall seconds (a monotonic clock around the fork and the wait), the
 * CPU seconds (user + system) and the peak RSS in KB, of the command and
 * the processes it waited for, as wait4() counts them. Exits 0 when the
 * command did, else 1 (the line is printed all the same).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int status, null;

	if (argc != 2) {
		fprintf(stderr, "usage: runtime 'COMMAND'\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("runtime: fork");
		return 1;
	}
	if (pid == 0) {
		null = open("/dev/null", O_WRONLY);
		if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", argv[1], (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("runtime: wait4");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.6f %.6f %ld\n",
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       seconds(&ru.ru_utime) + seconds(&ru.ru_stime), ru.ru_maxrss);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
