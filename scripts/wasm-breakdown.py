#!/usr/bin/env python3
"""Where the first load's wasm bytes are (issue 12; docs/perf.md, "First load").

    python3 scripts/wasm-breakdown.py [TOP]

Reads the named, unsplit module the build keeps (target/split/kehoach-app.named.wasm,
scripts/split.mjs) and the split profile (crates/split/profile/cold.txt), and prints:
- the sections of the shipped main wasm in dist/ (raw and zlib -9 bytes);
- the code that stays in the main wasm (functions a first visit runs), summed by crate and
  module, and its TOP (40) largest functions. Function sizes are body bytes after
  wasm-opt -Oz (Trunk runs it with -g so the names survive until the splitter).
Standard library only: the wasm name section is read directly, as twiggy would.
"""
import collections, glob, re, sys, zlib

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            return r, i

def sections(b):
    i, out = 8, []
    while i < len(b):
        sid = b[i]; i += 1
        n, i = leb(b, i)
        out.append((sid, b[i:i + n])); i += n
    return out

def skip_limits(d, i):
    flags = d[i]; i += 1
    _, i = leb(d, i)
    if flags & 1:
        _, i = leb(d, i)
    return i

def functions(path):
    """(imported function count, [body bytes], {index: name})"""
    b = open(path, 'rb').read()
    nimp, bodies, names = 0, [], {}
    for sid, d in sections(b):
        if sid == 2:
            n, i = leb(d, 0)
            for _ in range(n):
                for _ in range(2):
                    l, i = leb(d, i); i += l
                kind = d[i]; i += 1
                if kind == 0:
                    _, i = leb(d, i); nimp += 1
                elif kind == 1:
                    i += 1; i = skip_limits(d, i)
                elif kind == 2:
                    i = skip_limits(d, i)
                else:
                    i += 2
        elif sid == 10:
            n, i = leb(d, 0)
            for _ in range(n):
                l, i = leb(d, i); bodies.append(l); i += l
        elif sid == 0:
            l, i = leb(d, 0)
            if d[i:i + l] != b'name':
                continue
            i += l
            while i < len(d):
                sub = d[i]; i += 1
                l, j = leb(d, i); end = j + l
                if sub == 1:
                    n, j = leb(d, j)
                    for _ in range(n):
                        idx, j = leb(d, j); l2, j = leb(d, j)
                        names[idx] = d[j:j + l2].decode('utf8', 'replace'); j += l2
                i = end
    return nimp, bodies, names

SECTION = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
           7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count'}
GROUP = re.compile(r'(kehoach_app::(?:components::)?[a-z_]+|model::[a-z_]+|yew::[a-z_]+|plotters\w*|'
                   r'core::[a-z_]+|alloc::[a-z_]+|serde\w*|postcard|web_sys|js_sys|wasm_bindgen\w*|'
                   r'gloo\w*|std::[a-z_]+|hashbrown|implicit_clone|rand\w*|qrcodegen|miniz_oxide|dlmalloc)')

def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    [shipped] = glob.glob('dist/kehoach-app-*_bg.wasm') or [None]
    if shipped:
        print(f'{shipped}: sections (raw, zlib -9)')
        for sid, d in sections(open(shipped, 'rb').read()):
            print(f'  {SECTION.get(sid, sid):10} {len(d):9d} {len(zlib.compress(d, 9)):9d}')
    cold = {l.strip() for l in open('crates/split/profile/cold.txt') if l.strip() and not l.startswith('#')}
    nimp, bodies, names = functions('target/split/kehoach-app.named.wasm')
    norm = lambda n: re.sub(r'\[[0-9a-f]+\]', '', n)
    groups, counts, hot, total_cold = collections.Counter(), collections.Counter(), [], 0
    for k, size in enumerate(bodies):
        n = norm(names.get(nimp + k, '?'))
        if n in cold:
            total_cold += size
            continue
        # A component's code is its view/update inside Yew's generic lifecycle: count it
        # as the component's.
        m = re.search(r'CompStateInner<(kehoach_app::[a-z_:]+)', n) or GROUP.search(n)
        g = m.group(1) if m else 'other'
        if g.startswith('kehoach_app::'):
            g = '::'.join(g.split('::')[:3])
        groups[g] += size; counts[g] += 1; hot.append((size, n))
    total = sum(groups.values())
    print(f'\ncode kept in the main wasm: {total} B in {len(hot)} functions (moved to the split wasm: {total_cold} B)')
    for g, v in groups.most_common(top):
        print(f'  {v:8d} {100 * v / total:5.1f} % {counts[g]:5d}  {g}')
    print(f'\nlargest {top} functions kept:')
    for size, n in sorted(hot, reverse=True)[:top]:
        print(f'  {size:7d}  {n[:140]}')

main()
