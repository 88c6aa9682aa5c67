# Functions of trailq(1) FUNCTIONS that trailq's function table (query/funcs.c)
# has, their names in any case, missing operands, and argument errors.
# testdata/lang/one.jsonl: one event; s = "xyZfooxyZ", e = "", b = " ",
# n = "-2.5", ip4 = 10.1.2.3, ip6 = 2001:db8::1, pub = 8.8.8.8,
# js = {"a":{"b":[10,20,30]},"k":"v"} (as text), arr = ["x","y",3] (as text),
# flag = true, off = false (JSON booleans).
# Results are shown with -o jsonl so that a missing value (left out) and an
# empty string ("") can be told apart.

### numeric: abs, ceil, floor, greatest, least, log, sqrt
# checked: by hand; log(10) and sqrt(2) from python3 math (2.302585092994046,
# 1.4142135623730951); n is the numeric string "-2.5"
$ trailq -o jsonl 'fields abs(-2.5), abs(n), ceil(1.2), ceil(-1.2), floor(-1.2), floor(1.8), greatest(1, 5, 3), least(4, -2, 9), log(1), log(10), sqrt(16), sqrt(2)' testdata/lang/one.jsonl
> {"abs(-2.5)":2.5,"abs(n)":2.5,"ceil(1.2)":2,"ceil(-1.2)":-1,"floor(-1.2)":-2,"floor(1.8)":1,"greatest(1, 5, 3)":5,"least(4, -2, 9)":-2,"log(1)":0,"log(10)":2.302585092994046,"sqrt(16)":4,"sqrt(2)":1.4142135623730951}

### numeric: round to an integer or to d decimals
# checked: by hand (2.5 rounds away from zero to 3)
$ trailq -o jsonl 'fields round(2.567), round(2.567, 2), round(2.5), round(1234.5678, 1)' testdata/lang/one.jsonl
> {"round(2.567)":3,"round(2.567, 2)":2.57,"round(2.5)":3,"round(1234.5678, 1)":1234.6}

### numeric: haversine distance in km
# checked: one degree of longitude on the equator = 6371 * pi / 180 = 111.19492664455873 (python3)
$ trailq -o jsonl 'fields haversine(0, 0, 0, 1)' testdata/lang/one.jsonl
> {"haversine(0, 0, 0, 1)":111.19492664455873}

### numeric: toNumber, toInt (truncates), toLong, toDouble
# checked: by hand
$ trailq -o jsonl 'fields toNumber("42"), toNumber("4.5e1"), toInt("7.9"), toLong("123456789012"), toDouble("1.5"), toNumber(n)' testdata/lang/one.jsonl
> {"toNumber(\"42\")":42,"toNumber(\"4.5e1\")":45,"toInt(\"7.9\")":7,"toLong(\"123456789012\")":123456789012,"toDouble(\"1.5\")":1.5,"toNumber(n)":-2.5}

### numeric results that do not exist are missing
# trailq's choice: no error, the value is missing (left out of the row).
# checked: sqrt(-1), log(0), 1/0, 5%0 are undefined; "abc" is not a number
$ trailq -o jsonl 'fields sqrt(-1), log(0), 1 / 0, 5 % 0, toNumber("abc"), abs("abc"), "ok" as marker' testdata/lang/one.jsonl
> {"marker":"ok"}

### arithmetic and precedence
# checked: by hand; ^ is right-associative, unary minus binds tighter than ^
# (docs/language.md#operators-and-precedence); 0.1 + 0.2 is the double 0.30000000000000004 (python3)
$ trailq -o jsonl 'fields 7 / 2, -7 / 2, 2 ^ -1, -2 ^ 2, 10 - 2 - 3, 2 + 3 * 4, (2 + 3) * 4, 2 ^ 3 ^ 2, 1e3, 0.1 + 0.2, n * 2' testdata/lang/one.jsonl
> {"7 / 2":3.5,"-7 / 2":-3.5,"2 ^ -1":0.5,"-2 ^ 2":4,"10 - 2 - 3":5,"2 + 3 * 4":14,"(2 + 3) * 4":20,"2 ^ 3 ^ 2":512,"1e3":1000,"0.1 + 0.2":0.30000000000000004,"n * 2":-5}

### arithmetic and functions with a missing operand give a missing value
# checked: docs/language.md#comparisons-and-missing-values (arithmetic with a missing operand is missing)
$ trailq -o jsonl 'fields nope + 1, strlen(nope), toupper(nope), abs(nope), round(nope), "ok" as marker' testdata/lang/one.jsonl
> {"marker":"ok"}

### string: concat, strlen (code points), toupper, tolower
# checked: by hand; "héllo" has 5 code points; concat treats a missing
# argument as empty (trailq's choice) and a number as its text
$ trailq -o jsonl 'fields concat("a", 1, "b"), concat(s, nope), strlen("héllo"), strlen(""), toupper("abc"), tolower("ABC")' testdata/lang/one.jsonl
> {"concat(\"a\", 1, \"b\")":"a1b","concat(s, nope)":"xyZfooxyZ","strlen(\"héllo\")":5,"strlen(\"\")":0,"toupper(\"abc\")":"ABC","tolower(\"ABC\")":"abc"}

### string: toupper and tolower map the Greek letters with tonos and dialytika
# checked: python3 str.upper()/str.lower() ("Ωμέγα ϊ ό".upper() == "ΩΜΈΓΑ Ϊ Ό");
# before, έ, ό, ϊ and their capitals were left as they were, half a word upper-cased
$ trailq -o tsv 'fields toupper("Ωμέγα άέήί ϊϋ όύώ") as u, tolower("ΆΈΉΊ ΪΫ ΌΎΏ") as l' testdata/lang/one.jsonl
> u	l
> ΩΜΈΓΑ ΆΈΉΊ ΪΫ ΌΎΏ	άέήί ϊϋ όύώ

### string: ltrim, rtrim, trim without a set strip whitespace only
# checked: by hand
$ trailq -o jsonl 'fields ltrim("  x "), rtrim(" x  "), trim("  x  "), trim("")' testdata/lang/one.jsonl
> {"ltrim(\"  x \")":"x ","rtrim(\" x  \")":" x","trim(\"  x  \")":"x","trim(\"\")":""}

### string: substr with and without a length, past the end
# checked: by hand, 0-based; "héllo" from 1 for 3 = "éll"
$ trailq -o jsonl 'fields substr("abcdef", 2), substr("abcdef", 1, 2), substr("abcdef", 10), substr("héllo", 1, 3), substr(s, 3, 3)' testdata/lang/one.jsonl
> {"substr(\"abcdef\", 2)":"cdef","substr(\"abcdef\", 1, 2)":"bc","substr(\"abcdef\", 10)":"","substr(\"héllo\", 1, 3)":"éll","substr(s, 3, 3)":"foo"}

### string: replace is literal (a dot is a dot)
# checked: by hand
$ trailq -o jsonl 'fields replace("a.b.c", ".", "-"), replace("aaa", "a", ""), replace(s, "xyZ", "")' testdata/lang/one.jsonl
> {"replace(\"a.b.c\", \".\", \"-\")":"a-b-c","replace(\"aaa\", \"a\", \"\")":"","replace(s, \"xyZ\", \"\")":"foo"}

### string: regexReplace replaces every match; the pattern may be a string or a /regex/
# checked: by hand: a1b22c -> a#b#c
$ trailq -o jsonl 'fields regexReplace("a1b22c", "\\d+", "#"), regexReplace("a1b22c", /\d+/, "#"), regexReplace(s, "^xyZ|xyZ$", "")' testdata/lang/one.jsonl
> {"regexReplace(\"a1b22c\", \"\\\\d+\", \"#\")":"a#b#c","regexReplace(\"a1b22c\", /\\d+/, \"#\")":"a#b#c","regexReplace(s, \"^xyZ|xyZ$\", \"\")":"foo"}

### string: strcontains (optionally case-insensitive), startsWith, endsWith
# checked: by hand (1/0 results)
$ trailq -o jsonl 'fields strcontains("Hello", "ell"), strcontains("Hello", "ELL"), strcontains("Hello", "ELL", true), startsWith("abc", "ab"), startsWith("abc", "b"), endsWith("abc", "bc"), endsWith("abc", "ab")' testdata/lang/one.jsonl
> {"strcontains(\"Hello\", \"ell\")":1,"strcontains(\"Hello\", \"ELL\")":0,"strcontains(\"Hello\", \"ELL\", true)":1,"startsWith(\"abc\", \"ab\")":1,"startsWith(\"abc\", \"b\")":0,"endsWith(\"abc\", \"bc\")":1,"endsWith(\"abc\", \"ab\")":0}

### string: urlencode (RFC 3986, UTF-8) and urldecode
# checked: python3 urllib.parse.quote('a b&c=d/é~_.-', safe='') = a%20b%26c%3Dd%2F%C3%A9~_.-
$ trailq -o jsonl 'fields urlencode("a b&c=d/é~_.-"), urldecode("a%20b%26c"), urldecode(urlencode("x/y z"))' testdata/lang/one.jsonl
> {"urlencode(\"a b&c=d/é~_.-\")":"a%20b%26c%3Dd%2F%C3%A9~_.-","urldecode(\"a%20b%26c\")":"a b&c","urldecode(urlencode(\"x/y z\"))":"x/y z"}

### string: base64encode and base64decode
# checked: printf hello | base64 = aGVsbG8=; printf é | base64 = w6k=
$ trailq -o jsonl 'fields base64encode("hello"), base64decode("aGVsbG8="), base64encode("é")' testdata/lang/one.jsonl; printf hello | base64; printf 'é' | base64
> {"base64encode(\"hello\")":"aGVsbG8=","base64decode(\"aGVsbG8=\")":"hello","base64encode(\"é\")":"w6k="}
> aGVsbG8=
> w6k=

### string: split gives a list (shown as JSON); an empty field stays
# checked: by hand
$ trailq -o jsonl 'fields split("a,b,,c", ","), split("abc", "")' testdata/lang/one.jsonl
> {"split(\"a,b,,c\", \",\")":["a","b","","c"],"split(\"abc\", \"\")":["a","b","c"]}

### string: hexToAscii, hexToDec, decToHex (negatives -0x..., non-integers truncated)
# checked: 48 65 6c 6c 6f = "Hello"; 0x1F = 31; -255 -> -0xff; 15.9 -> 15 -> 0xf
$ trailq -o jsonl 'fields hexToAscii("48656c6c6f"), hexToDec("ff"), hexToDec("0x1F"), decToHex(-255), decToHex(15.9), decToHex(0)' testdata/lang/one.jsonl
> {"hexToAscii(\"48656c6c6f\")":"Hello","hexToDec(\"ff\")":255,"hexToDec(\"0x1F\")":31,"decToHex(-255)":"-0xff","decToHex(15.9)":"0xf","decToHex(0)":"0x0"}

### general: ispresent, coalesce (first non-missing, "" counts), if, case, isNumeric, messageSize
# checked: by hand; e is "" (present); n = "-2.5" is numeric, s is not;
# "héllo" is 6 bytes in UTF-8; case without a default and no true branch is missing
$ trailq -o jsonl 'fields ispresent(s), ispresent(nope), coalesce(nope, e, s), coalesce(nope, s), if(flag, "yes", "no"), if(off, "yes", "no"), case(n > 0, "pos", n < 0, "neg", "zero"), case(1 = 2, "a"), isNumeric(n), isNumeric(s), isNumeric("1e3"), messageSize("héllo")' testdata/lang/one.jsonl
> {"ispresent(s)":true,"ispresent(nope)":false,"coalesce(nope, e, s)":"","coalesce(nope, s)":"xyZfooxyZ","if(flag, \"yes\", \"no\")":"yes","if(off, \"yes\", \"no\")":"no","case(n > 0, \"pos\", n < 0, \"neg\", \"zero\")":"neg","isNumeric(n)":true,"isNumeric(s)":false,"isNumeric(\"1e3\")":true,"messageSize(\"héllo\")":6}

### JSON: jsonParse with .key and [i] (0-based), jsonStringify
# checked: by hand: js.a.b = [10,20,30], element 1 = 20
$ trailq -o jsonl 'fields jsonParse(js).a.b[1], jsonParse(js).k, jsonStringify(jsonParse(js).a), jsonParse(js).nope' testdata/lang/one.jsonl
> {"jsonParse(js).a.b[1]":20,"jsonParse(js).k":"v","jsonStringify(jsonParse(js).a)":"{\"b\":[10,20,30]}"}

### JSON: jsonParse of text that is not JSON is missing
# checked: trailq(1), JSON functions (non-JSON -> missing)
$ trailq -o jsonl 'fields jsonParse(s), jsonArraySize(s), "ok" as marker' testdata/lang/one.jsonl
> {"marker":"ok"}

### JSON: jsonParse reads what the loader reads: huge numbers keep their text, \u0000 is U+FFFD
# checked: the fields of testdata/hand/numbers.json record 2 (hostile.t): big 18446744073709551616,
# huge 1e999, as written; jsonParse(@message) of that record used to be missing (1e999) and
# rounded big to 1.8446744073709552e+19; python3 -c 'import json; print(json.loads("[\"a\\u0000b\"]"))'
# keeps the NUL, which trailq reads as U+FFFD everywhere (trailq(1), Fields)
$ trailq -o jsonl 'filter eventName = "big" | fields big, huge, jsonParse(@message).big as pb, jsonParse(@message).huge as ph, jsonStringify(jsonParse(@message).requestParameters) as rp' testdata/hand/numbers.json; printf '{"eventTime":"2024-01-01T00:00:00Z","s":"[\\"a\\\\u0000b\\"]"}\n' | trailq -o jsonl 'fields s, jsonParse(s) as p'
> {"big":"18446744073709551616","huge":"1e999","pb":"18446744073709551616","ph":"1e999","rp":"{\"Ratio\":0.1,\"Limit\":1e999,\"Id\":18446744073709551616}"}
> {"s":"[\"a\\u0000b\"]","p":["a�b"]}

### JSON: jsonArraySize and jsonArrayContains (case-sensitive)
# checked: arr = ["x","y",3]: 3 elements; contains "y" and 3, not "Y"
$ trailq -o jsonl 'fields jsonArraySize(arr), jsonArrayContains(arr, "y"), jsonArrayContains(arr, 3), jsonArrayContains(arr, "Y"), jsonArrayContains(s, "x")' testdata/lang/one.jsonl
> {"jsonArraySize(arr)":3,"jsonArrayContains(arr, \"y\")":true,"jsonArrayContains(arr, 3)":true,"jsonArrayContains(arr, \"Y\")":false,"jsonArrayContains(s, \"x\")":false}

### IP: isValidIp, isValidIpV4, isValidIpV6
# checked: by hand
$ trailq -o jsonl 'fields isValidIp(ip4), isValidIp(ip6), isValidIp("ec2.amazonaws.com"), isValidIp("256.1.1.1"), isValidIpV4(ip4), isValidIpV4(ip6), isValidIpV6(ip6), isValidIpV6(ip4)' testdata/lang/one.jsonl
> {"isValidIp(ip4)":true,"isValidIp(ip6)":true,"isValidIp(\"ec2.amazonaws.com\")":false,"isValidIp(\"256.1.1.1\")":false,"isValidIpV4(ip4)":true,"isValidIpV4(ip6)":false,"isValidIpV6(ip6)":true,"isValidIpV6(ip4)":false}

### IP: isIpInSubnet, isIpv4InSubnet, isIpv6InSubnet
# checked: by hand: 10.1.2.3 is in 10.0.0.0/8 and 10.1.2.0/24, not 10.1.3.0/24;
# 2001:db8::1 is in 2001:db8::/32, not 2001:db9::/32
$ trailq -o jsonl 'fields isIpInSubnet(ip4, "10.0.0.0/8"), isIpInSubnet(ip6, "2001:db8::/32"), isIpInSubnet(ip4, "2001:db8::/32"), isIpv4InSubnet(ip4, "10.1.2.0/24"), isIpv4InSubnet(ip4, "10.1.3.0/24"), isIpv6InSubnet(ip6, "2001:db8::/32"), isIpv6InSubnet(ip6, "2001:db9::/32")' testdata/lang/one.jsonl
> {"isIpInSubnet(ip4, \"10.0.0.0/8\")":true,"isIpInSubnet(ip6, \"2001:db8::/32\")":true,"isIpInSubnet(ip4, \"2001:db8::/32\")":false,"isIpv4InSubnet(ip4, \"10.1.2.0/24\")":true,"isIpv4InSubnet(ip4, \"10.1.3.0/24\")":false,"isIpv6InSubnet(ip6, \"2001:db8::/32\")":true,"isIpv6InSubnet(ip6, \"2001:db9::/32\")":false}

### IP: ipv4ToNumber, isPrivateIP (RFC 1918), isPublicIP, isReservedIP
# checked: 10*2^24 + 1*2^16 + 2*256 + 3 = 167838211; 10/8 and 172.16/12 are
# private, 8.8.8.8 public, 127.0.0.1 reserved (loopback)
$ trailq -o jsonl 'fields ipv4ToNumber(ip4), isPrivateIP(ip4), isPrivateIP("172.16.0.1"), isPrivateIP(pub), isPublicIP(pub), isPublicIP(ip4), isReservedIP("127.0.0.1"), isReservedIP(pub)' testdata/lang/one.jsonl
> {"ipv4ToNumber(ip4)":167838211,"isPrivateIP(ip4)":true,"isPrivateIP(\"172.16.0.1\")":true,"isPrivateIP(pub)":false,"isPublicIP(pub)":true,"isPublicIP(ip4)":false,"isReservedIP(\"127.0.0.1\")":true,"isReservedIP(pub)":false}

### hashing: md5 and sha256 in lowercase hex, checked against coreutils
# checked: md5sum / sha256sum over the same text, printed after trailq's row
$ trailq -o tsv 'fields md5(s), sha256("abc")' testdata/lang/one.jsonl | tail -n 1; printf 'xyZfooxyZ' | md5sum | cut -d' ' -f1; printf 'abc' | sha256sum | cut -d' ' -f1
> 2b11b1cecfe0edc47ad0c7d03880f98c	ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
> 2b11b1cecfe0edc47ad0c7d03880f98c
> ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad

### function names ignore case (scalar functions)
# checked: same values as the cases above; 2022-01-14 21:18:31 UTC floored to the day
$ trailq -o jsonl 'fields ABS(-1), Strlen(s), TOUPPER(s), isvalidipv4(ip4), ISIPV4INSUBNET(ip4, "10.0.0.0/8"), JSONARRAYSIZE(arr), DateFloor(@timestamp, 1D)' testdata/lang/one.jsonl
> {"ABS(-1)":1,"Strlen(s)":9,"TOUPPER(s)":"XYZFOOXYZ","isvalidipv4(ip4)":true,"ISIPV4INSUBNET(ip4, \"10.0.0.0/8\")":true,"JSONARRAYSIZE(arr)":3,"DateFloor(@timestamp, 1D)":"2022-01-14 00:00:00.000"}

### aggregate names ignore case
# checked: one event
$ trailq -o tsv 'STATS COUNT(*) as n, Sum(1) as total, Count_Distinct(s) as d, PCT(1, 50) as p' testdata/lang/one.jsonl
> n	total	d	p
> 1	1	1	1

### an alias of an aggregate cannot be aggregated again in the same stats
# (here the alias s hides the field s)
$ trailq -o tsv 'STATS COUNT(*) as n, Sum(1) as s, Count_Distinct(s) as d' testdata/lang/one.jsonl
! trailq: query error at 1:50: 's' is an aggregate and cannot be aggregated again
!   STATS COUNT(*) as n, Sum(1) as s, Count_Distinct(s) as d
!                                                    ^
? 2

### an unknown function is an error, with a suggestion
$ trailq 'fields foo(s)' testdata/lang/one.jsonl
! trailq: query error at 1:8: unknown function 'foo' (did you mean floor?)
!   fields foo(s)
!          ^^^
? 2

### too many arguments
$ trailq 'fields abs(1,2)' testdata/lang/one.jsonl
! trailq: query error at 1:8: abs takes 1 argument, got 2
!   fields abs(1,2)
!          ^^^^^^^^
? 2

### too few arguments
$ trailq 'fields substr("abc")' testdata/lang/one.jsonl
! trailq: query error at 1:8: substr takes 2 to 3 arguments, got 1
!   fields substr("abc")
!          ^^^^^^^^^^^^^
? 2

### no arguments where one is needed
$ trailq 'fields strlen()' testdata/lang/one.jsonl
! trailq: query error at 1:8: strlen takes 1 argument, got 0
!   fields strlen()
!          ^^^^^^^^
? 2

### now takes no arguments
$ trailq 'fields now(1)' testdata/lang/one.jsonl
! trailq: query error at 1:8: now takes 0 arguments, got 1
!   fields now(1)
!          ^^^^^^
? 2

### datefloor needs a period as its second argument
$ trailq 'fields datefloor(@timestamp, 5)' testdata/lang/one.jsonl
! trailq: query error at 1:30: datefloor expects a period such as 5m here
!   fields datefloor(@timestamp, 5)
!                                ^
? 2

### a [list] is only allowed after in
$ trailq 'fields strlen([1,2])' testdata/lang/one.jsonl
! trailq: query error at 1:15: a [list] can only follow in
!   fields strlen([1,2])
!                 ^^^^^
? 2
