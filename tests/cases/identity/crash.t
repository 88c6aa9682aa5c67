# Crash safety of --db (issue 8, item 5): loads into an existing index killed
# at random moments leave the old state plus whole sources, never part of
# one, and the next load finishes the job. The checks (whole sources counted
# with jq, the reload's exact total) are in tests/tools/crash.sh.

### 50 loads into an existing index, killed by SIGKILL or SIGINT at a random moment
$ bash tests/tools/crash.sh kill 50 2>/dev/null | sed 's/ ([0-9]* before they finished)//'
> 50 loads killed: 0 failures

### a load that fills the disk (a small tmpfs) fails with status 3 and leaves whole sources
~ [ "$(id -u)" = 0 ] && d=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && umount "$d" && rmdir "$d"
$ bash tests/tools/crash.sh full 2>/dev/null
> the load ran out of room: yes, status 3
> full disk: 0 failures
