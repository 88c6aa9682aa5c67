# Plain text logs (trailq(1) INPUTS, `text`): one event per line (indented lines join
# the event before them), @timestamp from a leading timestamp (ISO-8601,
# syslog with the year from the file time, Apache/nginx, epoch, the loghub
# styles of $SHARED/data/SOURCES.md §5), else the previous line's, else the
# file's modification time. CRLF, bare CR, a missing final newline, NUL
# bytes and huge lines. The loghub files (research licence) are read from
# $SHARED, never copied; their expected values come from grep/awk/sort over
# the raw files as each case says.

### done-when query: lines matching /error/ (case-sensitive) per file
~ [ -d "$SHARED/data" ]
# checked: grep -c error over every file of $SHARED/data/text (files with 0 are absent)
$ trailq 'filter @message like /error/ | stats count(*) as n by @logStream | sort @logStream' $SHARED/data/text
> @logStream	n
> Apache_2k.log	595
> BGL_2k.log	183
> HPC_2k.log	492
> HealthApp_2k.log	1
> Mac_2k.log	129
> OpenSSH_2k.log	47
> Proxifier_2k.log	97
> Thunderbird_2k.log	2
> Zookeeper_2k.log	291
> apache_logs	7
! trailq: note: 6000 events in 3 inputs had no time of their own: their @timestamp is the file's modification time

### ... 1844 matching lines in all, out of 42000 (16 x 2000 + 10000; no line starts with whitespace)
~ [ -d "$SHARED/data" ]
# checked: grep -c error summed = 1844; line counts from SOURCES.md §5 (wc -l gives 13 less: 13 files
#   have no final newline); grep -c '^[[:space:]]' = 0 for every file
$ trailq 'stats count(*) as all, sum(@message like /error/) as err' $SHARED/data/text
> all	err
> 42000	1844
! trailq: note: 6000 events in 3 inputs had no time of their own: their @timestamp is the file's modification time

### the matching rows themselves: the first and last of OpenSSH's 47, in file order
~ [ -d "$SHARED/data" ]
# checked: grep error $SHARED/data/text/loghub/OpenSSH_2k.log | sed -n '1p;$p' (lines end in CR LF:
#   the CR is not part of the message)
$ trailq 'filter @message like /error/ | fields @message | sort @ptr asc' $SHARED/data/text/loghub/OpenSSH_2k.log | sed -n '2p;$p'
> Dec 10 07:51:15 LabSZ sshd[24324]: error: Received disconnect from 195.154.37.122: 3: com.jcraft.jsch.JSchException: Auth fail [preauth]
> Dec 10 11:04:41 LabSZ sshd[25534]: error: Received disconnect from 103.99.0.122: 14: No more user authentication methods available. [preauth]

### leading timestamps of the loghub styles that carry a year, and of the Apache access log
~ [ -d "$SHARED/data" ]
# checked: HDFS: awk '{print $1" "$2}' | sort (081109 203615 .. 081111 102017); Hadoop, Zookeeper, Windows:
#   cut -c1-23 | sort; HealthApp (not zero-padded): grep -oE '^[0-9]{8}-[0-9:]+' normalised with awk | sort;
#   BGL, Thunderbird: awk '{print $2}' | sort -n, then date -u -d @N; apache_logs: awk '{print substr($4,2)}' | sort
$ trailq 'stats count(*) as n, min(@timestamp) as lo, max(@timestamp) as hi by @logStream | sort @logStream' $SHARED/data/text/loghub/HDFS_2k.log $SHARED/data/text/loghub/Hadoop_2k.log $SHARED/data/text/loghub/Zookeeper_2k.log $SHARED/data/text/loghub/Windows_2k.log $SHARED/data/text/loghub/HealthApp_2k.log $SHARED/data/text/loghub/BGL_2k.log $SHARED/data/text/loghub/Thunderbird_2k.log $SHARED/data/text/elastic-examples/apache_logs
> @logStream	n	lo	hi
> BGL_2k.log	2000	2005-06-03 22:42:50.000	2006-01-03 15:13:09.000
> HDFS_2k.log	2000	2008-11-09 20:36:15.000	2008-11-11 10:20:17.000
> Hadoop_2k.log	2000	2015-10-18 18:01:47.978	2015-10-18 18:10:55.202
> HealthApp_2k.log	2000	2017-12-23 22:15:29.606	2017-12-24 01:02:35.789
> Thunderbird_2k.log	2000	2005-11-09 20:01:01.000	2005-11-09 20:15:32.000
> Windows_2k.log	2000	2016-09-28 04:30:30.000	2016-09-29 02:04:40.000
> Zookeeper_2k.log	2000	2015-07-29 17:41:44.747	2015-08-25 11:26:28.145
> apache_logs	10000	2015-05-17 10:05:00.000	2015-05-20 21:05:59.000

### the same timestamp styles on lines written for the tests (in a clone alone)
# checked: testdata/text/styles.log, one line per style: HDFS yyMMdd HHmmss, Hadoop and Zookeeper
#   "yyyy-MM-dd HH:mm:ss,SSS", Windows "yyyy-MM-dd HH:mm:ss,", HealthApp padded and not padded, BGL and
#   Thunderbird epoch seconds in the second field (date -u -d @1117838570 = 2005-06-03 22:42:50,
#   date -u -d @1131566461 = 2005-11-09 20:01:01); the others read off the line by hand
$ trailq 'fields @timestamp | sort @ptr' testdata/text/styles.log
> @timestamp
> 2008-11-09 20:36:15.000
> 2015-10-18 18:01:47.978
> 2015-07-29 17:41:44.747
> 2016-09-28 04:30:30.000
> 2017-12-23 22:15:29.606
> 2017-12-24 01:02:35.789
> 2005-06-03 22:42:50.000
> 2005-11-09 20:01:01.000

### a file that starts with a bracket is text: Apache error-log and Proxifier-style lines (in a clone alone)
# checked: by hand; the Proxifier style has no year: the copy's time is 2017-11-01, so Oct 30 is 2017
$ cp testdata/text/brackets.log "$TMPDIR/brackets.log" && touch -d 2017-11-01T00:00:00Z "$TMPDIR/brackets.log" && trailq 'fields @logStream, @timestamp | sort @ptr' "$TMPDIR/brackets.log"
> @logStream	@timestamp
> brackets.log	2005-12-04 04:47:44.000
> brackets.log	2005-12-04 04:47:46.000
> brackets.log	2017-10-30 16:49:06.000

### syslog dates take the file's year, or the year before when that would be more than a day ahead
# checked: by hand: the copy's time is 2024-01-02 00:00 UTC, so Dec 31 is 2023 and Jan 1 is 2024
$ cp testdata/text/syslog.log "$TMPDIR/syslog.log" && touch -d 2024-01-02T00:00:00Z "$TMPDIR/syslog.log" && trailq 'fields @timestamp, @message | sort @timestamp' "$TMPDIR/syslog.log"
> @timestamp	@message
> 2023-12-31 23:59:50.000	Dec 31 23:59:50 web1 sshd[100]: Accepted publickey for deploy from 192.0.2.5 port 50000 ssh2
> 2024-01-01 00:00:05.000	Jan  1 00:00:05 web1 CRON[200]: (root) CMD (run-parts /etc/cron.hourly)
> 2024-01-01 00:00:07.000	Jan  1 00:00:07 web1 kernel: [1234.5678] eth0: link up
> 2024-01-01 00:00:09.000	Jan  1 00:00:09 web1 sshd[101]: error: maximum authentication attempts exceeded for root

### stack traces: indented lines join the event before; blank lines are skipped; times inherited, the first from the file
# checked: by hand from stacktrace.log (10 lines: 1 no time; 2 at 10:00:00,001; 3 no time, 4-6 indented;
#   7 at 10:00:01,500; 8-9 blank; 10 at 10:00:02,000)
$ cp testdata/text/stacktrace.log "$TMPDIR/st.log" && touch -d 2024-03-02T00:00:00Z "$TMPDIR/st.log" && trailq -o jsonl 'fields @timestamp, @ptr, @message | sort @ptr' "$TMPDIR/st.log" | sed 's|"[^"]*/st.log:|"st.log:|'
> {"@timestamp":"2024-03-02 00:00:00.000","@ptr":"st.log:1","@message":"Exception in thread \"main\" java.lang.IllegalStateException: boom"}
> {"@timestamp":"2024-03-01 10:00:00.001","@ptr":"st.log:2","@message":"2024-03-01 10:00:00,001 ERROR [main] App - request failed"}
> {"@timestamp":"2024-03-01 10:00:00.001","@ptr":"st.log:3","@message":"java.lang.RuntimeException: wrapped\n\tat com.example.App.run(App.java:42)\n\tat com.example.App.main(App.java:10)\n    ... 3 more"}
> {"@timestamp":"2024-03-01 10:00:01.500","@ptr":"st.log:7","@message":"2024-03-01 10:00:01,500 INFO  [main] App - recovered"}
> {"@timestamp":"2024-03-01 10:00:02.000","@ptr":"st.log:10","@message":"2024-03-01 10:00:02,000 WARN  [main] App - slow error budget"}
! trailq: note: 1 event in 1 input had no time of its own: its @timestamp is the file's modification time

### line ends: CR LF, a bare CR, no final newline
# checked: od -c testdata/text/lineends.log (\r\n, \r\n, \r, then no line end)
$ trailq 'fields @ptr, @timestamp, @message | sort @ptr' testdata/text/lineends.log
> @ptr	@timestamp	@message
> testdata/text/lineends.log:1	2024-03-01 10:00:00.000	2024-03-01T10:00:00Z first crlf
> testdata/text/lineends.log:2	2024-03-01 10:00:01.000	2024-03-01T10:00:01Z second crlf
> testdata/text/lineends.log:3	2024-03-01 10:00:02.000	2024-03-01T10:00:02Z bare cr
> testdata/text/lineends.log:4	2024-03-01 10:00:03.000	2024-03-01T10:00:03Z no final newline

### epoch seconds, seconds with a fraction, milliseconds; NUL bytes are dropped (with a note)
# checked: od -c testdata/text/epoch-nul.log; date -u -d @1709287200 = 2024-03-01 10:00:00; line 5 is
#   four NUL bytes only (a blank line once they are dropped), line 6 has one
$ trailq 'fields @ptr, @timestamp, @message | sort @ptr' testdata/text/epoch-nul.log
> @ptr	@timestamp	@message
> testdata/text/epoch-nul.log:1	2024-03-01 10:00:00.000	1709287200 epoch seconds
> testdata/text/epoch-nul.log:2	2024-03-01 10:00:00.250	1709287200.250 epoch with fraction
> testdata/text/epoch-nul.log:3	2024-03-01 10:00:01.123	1709287201123 epoch millis
> testdata/text/epoch-nul.log:4	2024-03-01 10:00:01.123	no time here
> testdata/text/epoch-nul.log:6	2024-03-01 10:01:40.000	1709287300 after a NUL
! trailq: note: testdata/text/epoch-nul.log: 5 NUL bytes ignored

### Apache/nginx access log: the bracketed time after the client fields, with its offset
# checked: by hand: 11:30:00 +0130 = 10:00:00 UTC; 10:00:05 -0500 = 15:00:05 UTC
$ trailq 'fields @ptr, @timestamp | sort @ptr' testdata/text/access.log
> @ptr	@timestamp
> testdata/text/access.log:1	2024-03-01 10:00:00.000
> testdata/text/access.log:2	2024-03-01 10:00:00.000
> testdata/text/access.log:3	2024-03-01 15:00:05.000

### --start/--end work on text timestamps
# checked: the access log's UTC times above: two are at 10:00:00
$ trailq --start 2024-03-01T09:00:00Z --end 2024-03-01T11:00:00Z 'stats count(*) as n' testdata/text/access.log
> n
> 2

### a line longer than 256 MiB is reported and skipped; the lines around it are kept
# checked: by construction (270,000,000 bytes of x on line 2)
$ { echo '2024-03-01T10:00:00Z before'; head -c 270000000 /dev/zero | tr '\0' x; echo; echo '2024-03-01T10:00:02Z after'; } | trailq -t text 'fields @ptr, @message | sort @ptr' -
> @ptr	@message
> -:1	2024-03-01T10:00:00Z before
> -:3	2024-03-01T10:00:02Z after
! trailq: -:2: line longer than 256 MiB skipped
! trailq: 1 input read with errors, 1 record skipped
? 1

### text that starts with a bracket is still text (loghub Apache error log, Proxifier)
~ [ -d "$SHARED/data" ]
# checked: head -c 30 of both files: "[Sun Dec 04 04:47:44 2005] [no", "[10.30 16:49:06] chrome.exe - "
$ trailq 'stats count(*) as n by @logStream | sort @logStream' $SHARED/data/text/loghub/Apache_2k.log $SHARED/data/text/loghub/Proxifier_2k.log
> @logStream	n
> Apache_2k.log	2000
> Proxifier_2k.log	2000

### binary junk: cannot tell what it is
# checked: testdata/bad/junk.bin is 2,048 pseudo-random bytes
$ trailq 'stats count(*) as n' testdata/bad/junk.bin
! trailq: testdata/bad/junk.bin: cannot tell what kind of log this is (use -t TYPE to say)
! trailq: no readable input
? 3
