#!/usr/bin/env python3
"""What the room (issue 16) adds to the first load, gzip -9 bytes.

    python3 scripts/room-cost.py            (after `trunk build --release`)

Issue 16 allows the room at most 10 KB gzipped of first-load growth; the QR reader and the
camera load on demand (kehoach-scan worker, the split wasm). This measures what is left in
what a first visit downloads, part by part, as the difference between the gzip -9 size of
each part with and without the room's share:
- main wasm, code: the functions the split keeps in the main wasm (named module
  target/split/kehoach-app.named.wasm and crates/split/profile/cold.txt, as
  scripts/wasm-breakdown.py reads them) whose names are the room's (`room`, `hand_in`,
  `scan`, camera);
- main wasm, data: the texts of the room's catalogue (crates/model/src/words/room.rs, both
  languages) and the room's test ids (`room-…`, `hand-in…`);
- JS glue: the import shims that only the room's code calls (camera, video, canvas pixels);
- stylesheet: the rules whose selectors are the room's (`.room…`, `.hand-in…`, `.scan…`);
- index.html: the room's elements in the prerendered planner (`room-toggle`, `hand-in`).
A part's cost is gzip(part) - gzip(part without the room's share); the sum is the room's
first-load cost. Standard library only.
"""
import glob, re, sys, zlib

sys.path.insert(0, 'scripts')
ROOM_FN = re.compile(r'(components::room|components::hand_in|components::room_scan|model::room|'
                     r'RoomWords|hand_in|room_scan|platform::camera|platform::scan)')
gz = lambda b: len(zlib.compress(b, 9))


def load_breakdown():
    src = open('scripts/wasm-breakdown.py').read()
    src = src[:src.rindex('\nmain()')]
    ns = {}
    exec(compile(src, 'wasm-breakdown.py', 'exec'), ns)
    return ns


def code_cost(ns):
    b = open('target/split/kehoach-app.named.wasm', 'rb').read()
    nimp, _, names = ns['functions']('target/split/kehoach-app.named.wasm')
    leb = ns['leb']
    code = [d for sid, d in ns['sections'](b) if sid == 10][0]
    n, i = leb(code, 0)
    cold = {l.strip() for l in open('crates/split/profile/cold.txt') if l.strip() and not l.startswith('#')}
    norm = lambda s: re.sub(r'\[[0-9a-f]+\]', '', s)
    kept, kept_other, room_names = [], [], []
    for k in range(n):
        l, j = leb(code, i)
        body = code[j:j + l]
        i = j + l
        name = norm(names.get(nimp + k, '?'))
        if name in cold:
            continue
        kept.append(body)
        if ROOM_FN.search(name):
            room_names.append((l, name))
        else:
            kept_other.append(body)
    return gz(b''.join(kept)) - gz(b''.join(kept_other)), room_names


def data_cost():
    [wasm] = glob.glob('dist/kehoach-app-*_bg.wasm')
    import importlib
    b = open(wasm, 'rb').read()
    ns = load_breakdown()
    data = [d for sid, d in ns['sections'](b) if sid == 11][0]
    words = open('crates/model/src/words/room.rs', encoding='utf8').read()
    texts = re.findall(r'"((?:[^"\\]|\\.)*)"', words)
    texts = [bytes(t, 'utf8').decode('unicode_escape').encode('latin1') if '\\' in t else t.encode('utf8')
             for t in texts]
    stripped = data
    found = 0
    for t in sorted(set(texts), key=len, reverse=True):
        if len(t) >= 4 and t in stripped:
            stripped = stripped.replace(t, b'', 1)
            found += 1
    for t in set(re.findall(rb'(?:room|hand-in)-[a-z0-9-]+', stripped)):
        stripped = stripped.replace(t, b'')
    return gz(data) - gz(stripped), found, len(texts)


def text_cost(path, pattern):
    s = open(path, 'rb').read()
    return gz(s) - gz(re.sub(pattern, b'', s))


def main():
    ns = load_breakdown()
    code, room_fns = code_cost(ns)
    data, found, total = data_cost()
    [glue] = [g for g in glob.glob('dist/kehoach-app-*.js')]
    js = text_cost(glue, rb'\n\s*__wbg_(?:getUserMedia|mediaDevices|srcObject|getTracks|'
                        rb'videoWidth|videoHeight|getImageData|drawImage|setsrcObject)_[0-9a-f]+: '
                        rb'function[^\n]*(?:\n(?!\s*__wbg_)[^\n]*)*')
    [css] = glob.glob('dist/style-*.css')
    style = text_cost(css, rb'\n[^\n{]*\.(?:room|hand-in|scan)[^{\n]*\{[^}]*\}')
    html = text_cost('dist/index.html', rb'<[^>]*data-testid="(?:room-toggle|hand-in)"[^>]*>[^<]*(?:</button>)?')
    total_cost = code + data + js + style + html
    print('the room in the first load (gzip -9 bytes, with minus without):')
    print(f'  main wasm code   {code:6d}   ({len(room_fns)} functions kept, {sum(l for l, _ in room_fns)} B raw)')
    for l, name in sorted(room_fns, reverse=True)[:8]:
        print(f'      {l:6d}  {name[:110]}')
    print(f'  main wasm data   {data:6d}   ({found} of {total} catalogue texts found, test ids)')
    print(f'  JS glue          {js:6d}')
    print(f'  stylesheet       {style:6d}')
    print(f'  index.html       {html:6d}')
    print(f'  = total          {total_cost:6d}   (issue 16 allows 10 240)')
    return 0 if total_cost <= 10240 else 1


sys.exit(main())
