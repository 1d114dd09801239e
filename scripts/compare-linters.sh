#!/usr/bin/env bash
# Compares the habits people bring from other linters with cqc-score, by
# running each tool in a temporary folder and recording what happened.
#
#   bash scripts/compare-linters.sh [TOOLS_DIR]
#
# ESLint comes from this repository's dev dependencies; markdownlint-cli2 and
# Spectral are installed from npm into TOOLS_DIR (default: a temporary folder;
# pass one to reuse an install). Vale is looked up with apt-cache. Prints a
# Markdown table (yes / no / n/a, with what was seen) and writes every command
# and its output to compare-linters.log in the temporary folder.
# Run `npm run build` first: cqc-score is run from bin/.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
TOOLS="${1:-$WORK/tools}"
LOG="$WORK/compare-linters.log"
MDL_VERSION=0.24.1
SPECTRAL_VERSION=6.16.3

if [ ! -x "$TOOLS/node_modules/.bin/spectral" ] || [ ! -x "$TOOLS/node_modules/.bin/markdownlint-cli2" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent \
    "markdownlint-cli2@$MDL_VERSION" "@stoplight/spectral-cli@$SPECTRAL_VERSION" >>"$LOG" 2>&1
fi
ESLINT="$ROOT/node_modules/.bin/eslint"
MDL="$TOOLS/node_modules/.bin/markdownlint-cli2"
SPECTRAL="$TOOLS/node_modules/.bin/spectral"
CQC="node $ROOT/bin/cqc-score.js"

# --- inputs for each tool --------------------------------------------------------------
mkdir -p "$WORK/eslint/src" "$WORK/md/docs" "$WORK/spectral/api" "$WORK/cqc/evidence"
cd "$WORK/eslint" || exit 2
cat >eslint.config.js <<'EOF'
export default [{ rules: { 'no-var': 'error', 'no-unused-vars': 'warn' } }];
EOF
printf 'var a = 1;\nexport { a };\n' >src/a.js
printf 'const unused = 2;\n' >src/b.js
printf '// eslint-disable-next-line no-var -- kept for old browsers\nvar c = 1;\nexport { c };\n' >src/c.js
printf 'const = ;\n' >bad.js

cd "$WORK/md" || exit 2
printf 'Text first\n\n# Title\n' >docs/a.md
printf '# B\n\n## Fine\n' >docs/b.md
printf '<!-- markdownlint-disable-next-line MD041 -->\nText first\n\n# Title\n' >docs/c.md

cd "$WORK/spectral" || exit 2
echo 'extends: ["spectral:oas"]' >.spectral.yaml
printf 'openapi: 3.0.0\ninfo:\n  title: Rota: the service\n  version: "1"\npaths: {}\n' >api/a.yaml
printf 'openapi: 3.0.0\ninfo:\n  title: Fine\n  version: "1"\npaths: {}\n' >api/b.yaml

cd "$WORK/cqc" || exit 2
printf 'framework: local-authority\nas-of: 2024-08-30\n' >cqc-score.yaml
ITEM='statement: assessing-needs\nevidence:\n  - title: %s\n    category: processes\n    summary: %s\n    date: 2024-07-01\n'
# shellcheck disable=SC2059
printf "$ITEM" 'Assessments on time' 'Assessments were completed within four weeks.' >evidence/a.yaml
# shellcheck disable=SC2059
printf "$ITEM" 'Waits reviewed' 'Waits were reviewed.' | sed 's/    date: 2024-07-01//' >evidence/b.yaml
printf 'statement: assessing-needs\nevidence:\n  - title: Note: a colon\n    category: processes\n    summary: Text\n' >evidence/colon.yaml
# The directive goes on the line before the item, as ESLint's goes before the line it excuses.
# shellcheck disable=SC2059
printf "$ITEM" 'Survey' 'A survey.' | sed 's/    date: 2024-07-01//' |
  sed 's/^  - title: Survey$/  # cqc-score-disable-next-line missing-date -- the survey date is not known\n&/' >evidence/c.yaml

# For --fix: a misspelt statement, a value in another case and a day-first date.
mkdir -p "$WORK/cqc-fix"
printf 'framework: local-authority\nas-of: 2024-08-30\n' >"$WORK/cqc-fix/cqc-score.yaml"
printf 'statement: safegaurding\nevidence:\n  - title: Audit\n    category: Processes\n    summary: An audit.\n    date: 14/08/2024\n' >"$WORK/cqc-fix/f.yaml"

# --- running -----------------------------------------------------------------------------
# check TOOL FEATURE 'command' 'grep pattern that means yes' ['pattern that must not appear']
declare -A RESULT
check() {
  local tool="$1" feature="$2" command="$3" yes="$4" no="${5:-}" out status
  out="$(cd "$WORK/$(dir_of "$tool")" && bash -c "$command" 2>&1)"
  status=$?
  printf '### %s / %s\n$ %s\n(exit %s)\n%s\n\n' "$tool" "$feature" "$command" "$status" "$out" >>"$LOG"
  if grep -Eq -- "$yes" <<<"$out" && { [ -z "$no" ] || ! grep -Eq -- "$no" <<<"$out"; }; then
    RESULT["$tool/$feature"]="yes"
  else
    RESULT["$tool/$feature"]="no"
  fi
}
dir_of() { case "$1" in eslint) echo eslint ;; markdownlint-cli2) echo md ;; spectral) echo spectral ;; *) echo cqc ;; esac; }
note() { RESULT["$1/$2"]="$3"; }
result() { echo "${RESULT["$1/$2"]:-?}"; }

# Globs, several paths, standard input.
check eslint globs "$ESLINT 'src/*.js' bad.js" 'src/a.js'
check eslint stdin "printf 'var z = 1;\n' | $ESLINT --stdin --stdin-filename src/z.js" 'src/z.js'
check markdownlint-cli2 globs "$MDL 'docs/*.md'" 'docs/a.md'
check markdownlint-cli2 stdin "printf 'x\n' | $MDL -" 'stdin|MD041'
check spectral globs "$SPECTRAL lint 'api/*.yaml'" 'api/a.yaml'
check spectral stdin "cat api/a.yaml | $SPECTRAL lint --stdin-filepath api/stdin.yaml" 'stdin.yaml'
check cqc-score globs "$CQC validate 'evidence/*.yaml'" 'evidence/b.yaml' 'no such folder|unknown|error: too many'
check cqc-score stdin "cat evidence/b.yaml | $CQC validate - --stdin-filename evidence/stdin.yaml" 'evidence/stdin.yaml'

# Ignoring files.
check eslint ignores "$ESLINT --ignore-pattern src/b.js src" 'src/a.js' 'src/b.js'
check markdownlint-cli2 ignores "$MDL 'docs/*.md' '#docs/a.md'" 'Linting: 2 files' 'docs/a.md:[0-9]'
check spectral ignores "$SPECTRAL lint 'api/*.yaml' '!api/a.yaml'" 'api/b.yaml' 'api/a.yaml'
# Four evidence files without the ignore (a, b, c, colon): three with it, and b's warning gone.
check cqc-score ignores "$CQC validate . --ignore 'evidence/b.yaml'" '^3 files' 'evidence/b.yaml|unknown option'

# Inline suppressions (with a reason where the tool takes one); the suppressed file must be clean.
check eslint suppressions "$ESLINT src/c.js src/a.js" 'src/a.js' 'src/c.js'
check markdownlint-cli2 suppressions "$MDL docs/c.md docs/a.md" 'docs/a.md:[0-9]' 'docs/c.md:[0-9]'
check spectral suppressions "printf '# spectral-disable-next-line oas3-schema\n' | cat - api/a.yaml >api/c.yaml && $SPECTRAL lint api/c.yaml" 'oas3-schema-SUPPRESSED' 'oas3-schema'
check cqc-score suppressions "$CQC validate . --fail-on warn" 'evidence/b.yaml.*missing-date' 'evidence/c.yaml.*missing-date'

# Errors only, and a warning budget.
check eslint quiet "$ESLINT --quiet src/b.js; echo exit=\$?" 'exit=0' 'no-unused-vars'
check eslint max-warnings "$ESLINT --max-warnings 0 src/b.js; echo exit=\$?" 'exit=1'
check markdownlint-cli2 quiet "$MDL --help" '--quiet'
check markdownlint-cli2 max-warnings "$MDL --help" '--max-warnings'
check spectral quiet "$SPECTRAL lint -D api/b.yaml" 'No results|no results' 'warning'
check spectral max-warnings "$SPECTRAL lint --help" 'max-warnings'
check cqc-score quiet "$CQC validate . --quiet" 'error' 'warn |unknown option'
check cqc-score max-warnings "$CQC validate . --max-warnings 0; echo exit=\$?" 'exit=1' 'unknown option'

# Printing the effective configuration.
check eslint print-config "$ESLINT --print-config src/a.js" '"no-var"'
check markdownlint-cli2 print-config "$MDL --help" 'print-config'
check spectral print-config "$SPECTRAL --help" 'print-config'
check cqc-score print-config "$CQC validate . --print-config" 'as-of' 'unknown option'

# A broken input of each tool's own language: is the message plain English with a fix?
check eslint parse-message "$ESLINT bad.js" 'Parsing error'
note eslint parse-message "n/a: reads JavaScript (\`$(grep -m1 -o 'Parsing error[^.]*' "$LOG" | head -1)\`)"
check spectral parse-message "$SPECTRAL lint api/a.yaml" 'quote'
SPECTRAL_MSG="$(cd "$WORK/spectral" && $SPECTRAL lint api/a.yaml 2>&1 | grep -m1 parser | sed 's/.*parser *//')"
check cqc-score parse-message "$CQC validate evidence/colon.yaml 2>&1 || $CQC validate . 2>&1" 'double quote'
CQC_MSG="$(cd "$WORK/cqc" && $CQC validate . 2>&1 | grep -m1 'colon.yaml' | sed 's/.*  //')"
note markdownlint-cli2 parse-message "n/a: Markdown has no syntax errors"

# Fixing.
check eslint fix "$ESLINT --fix src/a.js; cat src/a.js" 'let a = 1'
check markdownlint-cli2 fix "printf '# T\n\n\n\nx\n' >docs/f.md && $MDL --fix docs/f.md; cat docs/f.md" '^# T$'
check spectral fix "$SPECTRAL lint --help" '--fix'
check cqc-score fix "$CQC validate ../cqc-fix --fix; cat ../cqc-fix/f.yaml" '^statement: safeguarding$' 'unknown option|category: Processes|14/08/2024'

# Links to each rule's documentation.
check eslint doc-links "$ESLINT -f json-with-metadata src/b.js" 'eslint.org/docs'
check markdownlint-cli2 doc-links "$MDL docs/a.md" 'https?://'
check spectral doc-links "$SPECTRAL lint --show-documentation-url api/a.yaml" 'https?://'
check cqc-score doc-links "$CQC . --format sarif" 'helpUri'

# SARIF and JUnit without plugins.
check eslint sarif "$ESLINT -f sarif src/a.js" '"version": ?"2.1.0"'
check eslint junit "$ESLINT -f junit src/a.js" '<testsuites'
check markdownlint-cli2 sarif "$MDL --help" 'sarif'
check markdownlint-cli2 junit "$MDL --help" 'junit'
check spectral sarif "$SPECTRAL lint -f sarif api/a.yaml" '"version": ?"2.1.0"'
check spectral junit "$SPECTRAL lint -f junit api/a.yaml" '<testsuite'
check cqc-score sarif "$CQC . --format sarif" '"version": ?"2.1.0"'
check cqc-score junit "$CQC . --format junit" '<testsuite'

# A GitHub Action from the project: its own README or package says so.
check eslint action "grep -ci 'github action' $ROOT/node_modules/eslint/README.md" '^[1-9]'
check markdownlint-cli2 action "grep -o 'markdownlint-cli2-action' $TOOLS/node_modules/markdownlint-cli2/README.md | head -1" 'markdownlint-cli2-action'
check spectral action "grep -io 'spectral-action\|github action' $TOOLS/node_modules/@stoplight/spectral-cli/README.md | head -1" '[Aa]ction'
check cqc-score action "ls $ROOT/action.yml" 'action.yml'

# Vale is a Go binary: is there a Debian package?
VALE="$(apt-cache policy vale 2>/dev/null | grep -m1 Candidate || true)"

# --- the table ---------------------------------------------------------------------------
both() { echo "$(result "$1" "$2") / $(result "$1" "$3")"; }
VALE_CELL="not measured: ${VALE:-no Debian package (apt-cache policy vale is empty)}"
cat <<EOF
| habit | ESLint $("$ESLINT" --version) | markdownlint-cli2 $MDL_VERSION | Spectral $SPECTRAL_VERSION | Vale | cqc-score |
|---|---|---|---|---|---|
| globs and several paths / standard input | $(both eslint globs stdin) | $(both markdownlint-cli2 globs stdin) | $(both spectral globs stdin) | $VALE_CELL | $(both cqc-score globs stdin) |
| ignore patterns on the command line | $(result eslint ignores) | $(result markdownlint-cli2 ignores) | $(result spectral ignores) | | $(result cqc-score ignores) |
| inline suppressions | $(result eslint suppressions) | $(result markdownlint-cli2 suppressions) | $(result spectral suppressions) | | $(result cqc-score suppressions) |
| errors only / warning budget | $(both eslint quiet max-warnings) | $(both markdownlint-cli2 quiet max-warnings) | $(both spectral quiet max-warnings) | | $(both cqc-score quiet max-warnings) |
| print the effective configuration | $(result eslint print-config) | $(result markdownlint-cli2 print-config) | $(result spectral print-config) | | $(result cqc-score print-config) |
| plain-English syntax errors with a fix | $(result eslint parse-message) | $(result markdownlint-cli2 parse-message) | $(result spectral parse-message) (\`${SPECTRAL_MSG}\`) | | $(result cqc-score parse-message) (\`${CQC_MSG}\`) |
| --fix | $(result eslint fix) | $(result markdownlint-cli2 fix) | $(result spectral fix) | | $(result cqc-score fix) |
| links to rule documentation | $(result eslint doc-links) | $(result markdownlint-cli2 doc-links) | $(result spectral doc-links) | | $(result cqc-score doc-links) |
| SARIF / JUnit built in | $(both eslint sarif junit) | $(both markdownlint-cli2 sarif junit) | $(both spectral sarif junit) | | $(both cqc-score sarif junit) |
| GitHub Action from the project | $(result eslint action) | $(result markdownlint-cli2 action) | $(result spectral action) | | $(result cqc-score action) |
EOF
echo
echo "Every command and its output: $LOG"
