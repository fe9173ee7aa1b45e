// Package ci holds the continuous-integration examples that README.md
// shows in its Publishing section (github-pages.yml, gitlab-ci.yml). It has
// no code: its test checks that the README shows exactly these files and
// that every make target and disclose flag they use exists.
package ci
