package scan

import (
	"sync"
	"time"
)

// Stream scans files one at a time as they are handed to it, on its own
// workers, while whoever writes them goes on: the pages Hugo renders are
// read as Hugo closes them, not again from disk afterwards. A file's name
// is scanned with its contents; a file that never reaches Add is not
// scanned at all: the caller must make sure DirExcept reads every file
// whose scan it cannot vouch for.
type Stream struct {
	s    *Scanner
	next chan streamed
	wg   sync.WaitGroup
	reps []Report
	busy []time.Duration
}

type streamed struct {
	rel  string
	data []byte
	done func()
}

// Stream starts workers that scan what Add is given. Add blocks while they
// are behind by more than a few hundred files, so memory stays bounded.
func (s *Scanner) Stream(workers int) *Stream {
	workers = max(workers, 1)
	st := &Stream{s: s, next: make(chan streamed, 256), reps: make([]Report, workers), busy: make([]time.Duration, workers)}
	for w := range workers {
		st.wg.Add(1)
		go func() {
			defer st.wg.Done()
			r := &st.reps[w]
			for f := range st.next {
				start := time.Now()
				r.Findings = append(r.Findings, s.scanName(f.rel)...)
				s.scanBlob(f.rel, f.data, 0, r)
				st.busy[w] += time.Since(start)
				if f.done != nil {
					f.done()
				}
			}
		}()
	}
	return st
}

// Add queues the whole content of the file at rel (slash-separated,
// relative to the folder DirExcept will walk). done, if not nil, is called
// once the content has been scanned; the findings are in Close's report.
// data must not change afterwards.
func (st *Stream) Add(rel string, data []byte, done func()) {
	st.next <- streamed{rel, data, done}
}

// Close waits for every queued file and returns what was found, and how
// long the workers spent scanning, together.
func (st *Stream) Close() (*Report, time.Duration) {
	close(st.next)
	st.wg.Wait()
	rep := &Report{Needles: st.s.needles.Len()}
	var busy time.Duration
	for w := range st.reps {
		rep.Merge(&st.reps[w])
		busy += st.busy[w]
	}
	return rep, busy
}
