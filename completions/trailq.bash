# trailq.bash — bash completion for trailq(1).
#
# Installed by `make install` as $(BASHCOMPDIR)/trailq, where bash-completion
# loads it on first use of `trailq`. The options and their values are those
# of the option table in cmd/options.c; tests/unit/test_docs.c checks that
# this file names every option and value of the table and no other option.
# Works with bash-completion's helpers when they are loaded, and falls back
# to plain `compgen` when they are not.

# Complete file and directory names for the current word.
_trailq_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir
    else
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
        # a long option and its value in one word: complete the value
        if [[ $cur == --*=* ]]; then
            prev=${cur%%=*}
            cur=${cur#*=}
            split=true
        fi
    fi

    case $prev in
    -o | --output)
        COMPREPLY=($(compgen -W 'table tsv csv json jsonl' -- "$cur"))
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
    --sql-table | --ddl)
        # a table name or event data store id; an s3:// URI
        return
        ;;
    --start | --end)
        # ISO-8601, epoch seconds or ms, now, or relative to now
        COMPREPLY=($(compgen -W 'now -15m -1h -2h -1d -7d' -- "$cur"))
        return
        ;;
    -f | --file | --db)
        _trailq_files
        return
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '-o --output= -f --file= --start= --end= -t --type=
            --db= --explain --fields --files --sql= --sql-table= --sql-approx --ddl= --color= --progress= -h --help -V --version' -- "$cur"))
        if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        return
    fi

    # The query (quote it yourself) or the inputs: files and directories.
    _trailq_files
}

complete -F _trailq trailq
