# The shell completions (completions/), driven in each shell: bash, zsh
# and fish inside tmux through tests/tools/tty.py (Tab as a user presses
# it, the screen read back), and fish also through its own `complete -C`,
# which shows each value with its description. Each runs in a new
# directory holding a directory adir and a file afile.json. The option
# values are those of cmd/options.c's table (test_docs checks that the
# files name them all).
~ command -v tmux >/dev/null

### bash without bash-completion: --output= and --type= values, a directory with "/"
$ d=$(mktemp -d) && mkdir $d/adir && : > $d/afile.json && cd $d && \
$ python3 $OLDPWD/tests/tools/tty.py -e PS1='$ ' -e COMPL=$OLDPWD/completions -- bash --norc --noprofile
< prompt $ 
< type source $COMPL/trailq.bash
< key Enter
< prompt $ 
< type trailq --output=
< key Tab
< key Tab
< wait jsonl
< type t
< key Tab
< key Tab
< wait tsv
< type s
< key Tab
< prompt $ trailq --output=tsv 
< type --ty
< key Tab
< prompt $ trailq --output=tsv --type=
< type cl
< key Tab
< prompt $ trailq --output=tsv --type=cloudtrail 
< type a
< key Tab
< key Tab
< wait afile.json
< type d
< key Tab
< prompt $ trailq --output=tsv --type=cloudtrail adir/
< screen
> $ source $COMPL/trailq.bash
> $ trailq --output=
> csv    json   jsonl  raw    table  tsv
> $ trailq --output=t
> table  tsv
> $ trailq --output=tsv --type=cloudtrail a
> adir/       afile.json
> $ trailq --output=tsv --type=cloudtrail adir/

### bash without bash-completion: an option's value as the next word, and the options
$ d=$(mktemp -d) && cd $d && \
$ python3 $OLDPWD/tests/tools/tty.py -e PS1='$ ' -e COMPL=$OLDPWD/completions -- bash --norc --noprofile
< prompt $ 
< type source $COMPL/trailq.bash
< key Enter
< prompt $ 
< type trailq -t 
< key Tab
< key Tab
< wait vpcflow
< type v
< key Tab
< prompt $ trailq -t vpcflow 
< type --sql
< key Tab
< key Tab
< wait sql-table
< screen
> $ source $COMPL/trailq.bash
> $ trailq -t
> auto        cwlogs      jsonl       text
> cloudtrail  export      lambda      vpcflow
> $ trailq -t vpcflow --sql
> --sql-approx  --sql-table=  --sql=
> $ trailq -t vpcflow --sql

### bash with bash-completion: the same values and directories
~ [ -f /usr/share/bash-completion/bash_completion ]
$ d=$(mktemp -d) && mkdir $d/adir && : > $d/afile.json && cd $d && \
$ python3 $OLDPWD/tests/tools/tty.py -e PS1='$ ' -e COMPL=$OLDPWD/completions -- bash --norc --noprofile
< prompt $ 
< type source /usr/share/bash-completion/bash_completion
< key Enter
< prompt $ 
< type source $COMPL/trailq.bash
< key Enter
< prompt $ 
< type trailq --output=
< key Tab
< key Tab
< wait jsonl
< type js
< key Tab
< prompt $ trailq --output=json
< key Tab
< key Tab
< wait json   jsonl
< type l
< key Tab
< prompt $ trailq --output=jsonl 
< type --type=c
< key Tab
< key Tab
< wait cwlogs
< type l
< key Tab
< prompt $ trailq --output=jsonl --type=cloudtrail 
< type a
< key Tab
< key Tab
< wait afile.json
< type d
< key Tab
< prompt $ trailq --output=jsonl --type=cloudtrail adir/
< screen
> $ source /usr/share/bash-completion/bash_completion
> $ source $COMPL/trailq.bash
> $ trailq --output=
> csv    json   jsonl  raw    table  tsv
> $ trailq --output=json
> json   jsonl
> $ trailq --output=jsonl --type=c
> cloudtrail  cwlogs
> $ trailq --output=jsonl --type=cloudtrail a
> adir/       afile.json
> $ trailq --output=jsonl --type=cloudtrail adir/

### zsh: option values after = and after a space, a directory with "/"
~ command -v zsh >/dev/null
$ d=$(mktemp -d) && mkdir $d/adir && : > $d/afile.json && cd $d && \
$ python3 $OLDPWD/tests/tools/tty.py -e PS1='%% ' -e COMPL=$OLDPWD/completions -- zsh -f
< prompt % 
< type fpath=($COMPL $fpath); autoload -U compinit; compinit -u -D
< key Enter
< prompt % 
< type trailq --output=
< key Tab
< wait jsonl
< screen
< type t
< key Tab
< wait tsv
< type s
< key Tab
< prompt % trailq --output=tsv 
< type -t 
< key Tab
< wait vpcflow
< screen
< type v
< key Tab
< prompt % trailq --output=tsv -t vpcflow 
< type a
< key Tab
< wait afile.json
< type d
< key Tab
< prompt % trailq --output=tsv -t vpcflow adir/
< screen
> % fpath=($COMPL $fpath); autoload -U compinit; compinit -u -D
> % trailq --output=
> csv    json   jsonl  raw    table  tsv
> % fpath=($COMPL $fpath); autoload -U compinit; compinit -u -D
> % trailq --output=tsv -t
> auto        cwlogs      jsonl       text
> cloudtrail  export      lambda      vpcflow
> % fpath=($COMPL $fpath); autoload -U compinit; compinit -u -D
> % trailq --output=tsv -t vpcflow adir/
> adir/       afile.json

### fish: option values with their descriptions, and files
~ command -v fish >/dev/null
$ d=$(mktemp -d) && mkdir $d/adir && : > $d/afile.json && cd $d && c=$OLDPWD/completions && \
$ for line in 'trailq --output=' 'trailq -t v' 'trailq --sql ' 'trailq --col' 'trailq a'; do \
$ echo "# $line"; fish --no-config -c "source $c/trailq.fish; complete -C '$line'"; done
> # trailq --output=
> --output=csv	output format
> --output=json	output format
> --output=jsonl	output format
> --output=raw	output format
> --output=table	output format
> --output=tsv	output format
> # trailq -t v
> vpcflow	input format
> # trailq --sql 
> athena	print the query as Trino SQL; run nothing
> lake	print the query as Trino SQL; run nothing
> # trailq --col
> --color	colour messages
> # trailq a
> adir/
> afile.json

### fish at its prompt: Tab lists option values, completes them and a directory with "/"
~ command -v fish >/dev/null
$ d=$(mktemp -d) && mkdir $d/adir && : > $d/afile.json && cd $d && \
$ python3 $OLDPWD/tests/tools/tty.py -e COMPL=$OLDPWD/completions -- fish --no-config -C 'set -g fish_greeting; function fish_prompt; echo -n "> "; end; set -g fish_autosuggestion_enabled 0'
< prompt > 
< type source $COMPL/trailq.fish
< key Enter
< prompt > 
< type trailq --output=
< key Tab
< wait jsonl
< screen
< type ts
< key Tab
< prompt > trailq --output=tsv 
< type -t v
< key Tab
< prompt > trailq --output=tsv -t vpcflow 
< type a
< key Tab
< wait afile.json
< screen
< type d
< key Tab
< prompt > trailq --output=tsv -t vpcflow adir/
> > source $COMPL/trailq.fish
> > trailq --output=
> --output=csv    (output format)  --output=raw    (output format)
> --output=json   (output format)  --output=table  (output format)
> --output=jsonl  (output format)  --output=tsv    (output format)
> > source $COMPL/trailq.fish
> > trailq --output=tsv -t vpcflow a
> adir/  afile.json
