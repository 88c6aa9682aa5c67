# trailq.bash — bash completion for trailq(1).
#
# Installed by `make install` as $(BASHCOMPDIR)/trailq, where the
# bash-completion package loads it on first use of `trailq`; without that
# package, source it from ~/.bashrc. The options and their values are those
# of the option table in cmd/options.c; tests/unit/test_docs.c checks that
# this file names every option and value of the table and no other option,
# and tests/cases/docs/completions.t drives bash with and without
# bash-completion.
#
# Without bash-completion, bash splits "--output=ta" into the words
# "--output", "=" and "ta" (= is in COMP_WORDBREAKS): the option is then
# the word before the "=". File names are completed with -o filenames, so
# a directory gets a "/" and no space after it.

# Complete file and directory names for the current word.
_trailq_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir
    else
        compopt -o filenames 2>/dev/null
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

_trailq()
{
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        if [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
            prev=${COMP_WORDS[COMP_CWORD - 2]}   # --output= ta
        elif [[ $cur == = ]]; then
            cur=""                               # --output= (nothing typed yet)
        elif [[ $cur == --*=* ]]; then
            prev=${cur%%=*}                      # COMP_WORDBREAKS without =
            cur=${cur#*=}
        fi
    fi

    case $prev in
    -o | --output)
        COMPREPLY=($(compgen -W 'table tsv csv json jsonl raw' -- "$cur"))
        return
        ;;
    -t | --type)
        COMPREPLY=($(compgen -W 'auto cloudtrail cwlogs export jsonl lambda vpcflow text' -- "$cur"))
        return
        ;;
    --color | --progress)
        COMPREPLY=($(compgen -W 'auto always never' -- "$cur"))
        return
        ;;
    --sql)
        COMPREPLY=($(compgen -W 'athena lake' -- "$cur"))
        return
        ;;
    --tz)
        COMPREPLY=($(compgen -W 'UTC local' -- "$cur"))
        return
        ;;
    --time-format)
        COMPREPLY=($(compgen -W 'insights iso epoch' -- "$cur"))
        return
        ;;
    --sql-table | --ddl)
        # a table name or event data store id; an s3:// URI
        return
        ;;
    --start | --end)
        # ISO-8601, epoch seconds or ms, now, or relative to now
        COMPREPLY=($(compgen -W 'now -15m -1h -2h -1d -7d' -- "$cur"))
        return
        ;;
    -f | --file | --db | --lookup)
        _trailq_files
        return
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '-o --output= -f --file= --start= --end= -t --type=
            --db= --explain --fields --files --sql= --sql-table= --sql-approx --ddl= --tz= --time-format= --chart --no-pager --color= --progress= --lookup= -h --help -V --version' -- "$cur"))
        if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        return
    fi

    # The query (quote it yourself) or the inputs: files and directories.
    _trailq_files
}

complete -F _trailq trailq
