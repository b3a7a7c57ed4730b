//! Splits a wasm module (the app after wasm-bindgen and wasm-opt) in two: a **primary**
//! module with the code the first screen runs, and a **secondary** module with the rest,
//! which the page loads when it is idle (or, if some of that code is needed before, at that
//! moment). The split is chosen by a **profile**: the names of the functions that a
//! recorded session (tests/e2e/tools/profile.mjs: start, drags, typing, language) never
//! ran. See docs/perf.md, "Split wasm".
//!
//! How it works (the same scheme as binaryen's `wasm-split`):
//! - Every function of the secondary set `S` that the primary still refers to (a call from
//!   primary code, a table entry) keeps its index in the primary, but its body becomes a
//!   trampoline: `call_indirect` through a fresh slot of the function table. That slot
//!   starts out holding an imported placeholder (`__split.<slot>`), a JavaScript function
//!   that loads the secondary module and calls on. Instantiating the secondary module
//!   writes the real functions into those slots (an active element segment), so later
//!   calls never leave wasm.
//! - The secondary module is the same module with every primary function, global, memory
//!   and table turned into an import from `primary` (`f<index>`, `g<index>`, `m<index>`,
//!   `t<index>`), no data, no exports, and then garbage-collected: it keeps only the code
//!   of `S` and imports only what that code uses. The primary exports exactly those.
//! - Functions new since the profile was taken are not in its list, so they stay in the
//!   primary: a stale profile makes the first load larger (the size budget says so), never
//!   slower to start.
//!
//! Names are compared without the crate hashes that v0 symbol mangling puts in brackets
//! (`yew[2ab50da331c21d0]::…` → `yew::…`), so a profile survives dependency updates.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use walrus::ir::{Instr, MemArg, StoreKind, Value};
use walrus::{
    ConstExpr, DataKind, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId,
    FunctionKind, GlobalKind, ImportKind, Module, ModuleConfig, RefType, TableId,
};

/// Import module name of the placeholders in the primary.
pub const PLACEHOLDER_MODULE: &str = "__split";
/// Import module name of what the secondary takes from the primary.
pub const PRIMARY_MODULE: &str = "primary";
/// Export name of the function table in the primary (the loader calls through it).
pub const TABLE_EXPORT: &str = "__split_table";
/// Export name of the profile memory of an instrumented module.
pub const PROFILE_EXPORT: &str = "__kehoach_profile";

/// Functions that go to the secondary whatever the profile says (normalised names). The
/// model's words catalogue calls `load_idle_words` when it finds its English texts still
/// zero in memory: that first call goes through the split's placeholder and so loads the
/// secondary, whose data segments bring the texts (see [`IDLE_DATA_START`]).
pub const ALWAYS_COLD: &[&str] = &["model::words::load_idle_words"];

/// Marker that starts a run of data the secondary carries instead of the primary (the
/// English half of each words catalogue: `model::words`, `words!`); [`IDLE_DATA_END`] ends
/// it. The run moves whole, markers included, to the same address: until the secondary is
/// instantiated those bytes read as zero, which is how the model knows to load it.
pub const IDLE_DATA_START: &[u8] = b"\x01KHIDLE[";
/// Marker that ends a run of idle data (see [`IDLE_DATA_START`]).
pub const IDLE_DATA_END: &[u8] = b"]KHIDLE\x01";

/// Cuts every marked run of idle data out of the primary's active data segments: returns
/// each run's memory index, address and bytes. A run that crosses a segment's end, or a
/// segment whose address is not a constant, is an error.
fn take_idle_data(p: &mut Module) -> Result<Vec<(walrus::MemoryId, i32, Vec<u8>)>, String> {
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + from)
    };
    let mut runs = Vec::new();
    let mut tails = Vec::new();
    let ids: Vec<_> = p.data.iter().map(|d| d.id()).collect();
    for id in ids {
        let d = p.data.get_mut(id);
        let DataKind::Active { memory, offset } = &d.kind else {
            continue;
        };
        let memory = *memory;
        let Some(first) = find(&d.value, IDLE_DATA_START, 0) else {
            continue;
        };
        let ConstExpr::Value(Value::I32(base)) = offset else {
            return Err("a data segment with idle words has no constant address".into());
        };
        let base = *base;
        let value = std::mem::take(&mut d.value);
        let mut kept_until = first;
        let mut pieces: Vec<(usize, usize)> = Vec::new(); // kept ranges after the first
        let mut at = first;
        d.value = value[..first].to_vec();
        while let Some(start) = find(&value, IDLE_DATA_START, at) {
            if start > kept_until {
                pieces.push((kept_until, start));
            }
            let end = find(&value, IDLE_DATA_END, start)
                .ok_or("idle words start in a data segment but do not end in it")?
                + IDLE_DATA_END.len();
            runs.push((memory, base + start as i32, value[start..end].to_vec()));
            kept_until = end;
            at = end;
        }
        if kept_until < value.len() {
            pieces.push((kept_until, value.len()));
        }
        for (a, b) in pieces {
            tails.push((memory, base + a as i32, value[a..b].to_vec()));
        }
    }
    for (memory, addr, bytes) in tails {
        let id = p.data.add(
            DataKind::Active {
                memory,
                offset: ConstExpr::Value(Value::I32(addr)),
            },
            bytes,
        );
        p.memories.get_mut(memory).data_segments.insert(id);
    }
    Ok(runs)
}

/// A function's name as compared with a profile: the crate hashes of v0 mangling
/// (`[0123abcd]`) removed.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn config() -> ModuleConfig {
    let mut c = ModuleConfig::new();
    c.generate_name_section(false)
        .generate_producers_section(false);
    c
}

fn parse(bytes: &[u8], keep_names: bool) -> Result<Module, String> {
    let mut c = config();
    c.generate_name_section(keep_names);
    c.parse(bytes)
        .map_err(|e| format!("cannot read the wasm: {e:#}"))
}

/// The defined (non-imported) functions of a module in index order, with their
/// normalised names (`""` when the module has no name for one).
pub fn local_names(bytes: &[u8]) -> Result<Vec<String>, String> {
    let m = parse(bytes, true)?;
    Ok(m.funcs
        .iter_local()
        .map(|(id, _)| {
            m.funcs
                .get(id)
                .name
                .as_deref()
                .map(normalise)
                .unwrap_or_default()
        })
        .collect())
}

/// An instrumented copy of the module: the first thing each defined function does is
/// write 1 at its position (in [`local_names`] order) of an extra memory exported as
/// [`PROFILE_EXPORT`]. The page reads that memory after a recorded session.
pub fn instrument(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut m = parse(bytes, true)?;
    let locals: Vec<FunctionId> = m.funcs.iter_local().map(|(id, _)| id).collect();
    let pages = (locals.len() as u64).div_ceil(65_536).max(1);
    let mem = m.memories.add_local(false, false, pages, None, None);
    m.exports.add(PROFILE_EXPORT, ExportItem::Memory(mem));
    for (i, id) in locals.iter().enumerate() {
        let FunctionKind::Local(f) = &mut m.funcs.get_mut(*id).kind else {
            continue;
        };
        let entry = f.entry_block();
        let seq = f.block_mut(entry);
        let at = |instr: Instr| (instr, Default::default());
        seq.instrs.splice(
            0..0,
            [
                at(Instr::Const(walrus::ir::Const {
                    value: Value::I32(i as i32),
                })),
                at(Instr::Const(walrus::ir::Const {
                    value: Value::I32(1),
                })),
                at(Instr::Store(walrus::ir::Store {
                    memory: mem,
                    kind: StoreKind::I32_8 { atomic: false },
                    arg: MemArg {
                        align: 1,
                        offset: 0,
                    },
                })),
            ],
        );
    }
    Ok(m.emit_wasm())
}

/// What [`split`] produced.
#[derive(Debug)]
pub struct Split {
    /// The primary module.
    pub primary: Vec<u8>,
    /// The secondary module.
    pub secondary: Vec<u8>,
    /// Functions moved to the secondary module.
    pub moved: usize,
    /// Of those, the ones the primary reaches through a table slot (placeholders).
    pub slots: usize,
    /// First placeholder slot in the function table.
    pub first_slot: u64,
    /// Bytes of data moved to the secondary (the idle words), in how many runs.
    pub idle_data: (usize, usize),
}

/// The main function table: the one funcref table (the one `call_indirect` uses).
fn function_table(m: &Module) -> Result<TableId, String> {
    let mut tables = m
        .tables
        .iter()
        .filter(|t| t.element_ty == RefType::FUNCREF)
        .map(|t| t.id());
    let t = tables.next().ok_or("the module has no function table")?;
    if tables.next().is_some() {
        return Err("the module has more than one function table".into());
    }
    Ok(t)
}

/// Functions that must stay in the primary whatever the profile says: exported, the start
/// function, and any function named by `ref.func` or a constant expression (moving those
/// would change function identity the code may compare).
fn pinned(m: &Module) -> HashSet<FunctionId> {
    let mut keep = HashSet::new();
    for e in m.exports.iter() {
        if let ExportItem::Function(f) = e.item {
            keep.insert(f);
        }
    }
    if let Some(f) = m.start {
        keep.insert(f);
    }
    for g in m.globals.iter() {
        if let GlobalKind::Local(ConstExpr::RefFunc(f)) = g.kind {
            keep.insert(f);
        }
    }
    for e in m.elements.iter() {
        if let ElementItems::Expressions(_, exprs) = &e.items {
            for x in exprs {
                if let ConstExpr::RefFunc(f) = x {
                    keep.insert(*f);
                }
            }
        }
    }
    for (_, f) in m.funcs.iter_local() {
        let mut v = RefFuncs(&mut keep);
        walrus::ir::dfs_in_order(&mut v, f, f.entry_block());
    }
    keep
}

struct RefFuncs<'a>(&'a mut HashSet<FunctionId>);

impl<'instr> walrus::ir::Visitor<'instr> for RefFuncs<'_> {
    fn visit_ref_func(&mut self, instr: &walrus::ir::RefFunc) {
        self.0.insert(instr.func);
    }
}

/// Functions called directly by functions outside `moved`.
struct Callees<'a> {
    out: &'a mut HashSet<FunctionId>,
}

impl<'instr> walrus::ir::Visitor<'instr> for Callees<'_> {
    fn visit_call(&mut self, instr: &walrus::ir::Call) {
        self.out.insert(instr.func);
    }
    fn visit_return_call(&mut self, instr: &walrus::ir::ReturnCall) {
        self.out.insert(instr.func);
    }
}

/// Splits `bytes` (a module with a name section) so that the defined functions whose
/// normalised name is in `cold` go to the secondary module. Names are dropped from both
/// outputs.
pub fn split(bytes: &[u8], cold: &BTreeSet<String>) -> Result<Split, String> {
    // ---- Which functions move. --------------------------------------------------------
    let mut p = parse(bytes, false)?;
    let keep = pinned(&p);
    let locals: Vec<FunctionId> = p.funcs.iter_local().map(|(id, _)| id).collect();
    let moved: BTreeSet<usize> = locals
        .iter()
        .filter(|id| !keep.contains(id))
        .filter(|id| {
            p.funcs.get(**id).name.as_deref().is_some_and(|n| {
                let n = normalise(n);
                cold.contains(&n) || ALWAYS_COLD.contains(&n.as_str())
            })
        })
        .map(|id| id.index())
        .collect();
    // The idle words: moved only when the function that loads them moves too.
    let loader_moved = locals.iter().any(|id| {
        moved.contains(&id.index())
            && p.funcs
                .get(*id)
                .name
                .as_deref()
                .is_some_and(|n| ALWAYS_COLD.contains(&normalise(n).as_str()))
    });
    let idle_data = take_idle_data(&mut p)?;
    if !idle_data.is_empty() && !loader_moved {
        return Err(format!(
            "the module has idle words but no movable {} (inlined, or pinned by an export?)",
            ALWAYS_COLD.join(", ")
        ));
    }
    if moved.is_empty() {
        return Err("no function of the profile's cold list is in this module".into());
    }
    let is_moved = |id: FunctionId| moved.contains(&id.index());

    // Entries: moved functions the primary still reaches, by a direct call from a
    // function that stays or through a table.
    let mut reached = HashSet::new();
    for (id, f) in p.funcs.iter_local() {
        if is_moved(id) {
            continue;
        }
        let mut v = Callees { out: &mut reached };
        walrus::ir::dfs_in_order(&mut v, f, f.entry_block());
    }
    for e in p.elements.iter() {
        if let ElementItems::Functions(fs) = &e.items {
            reached.extend(fs.iter().copied());
        }
    }
    let mut entries: Vec<FunctionId> = reached.into_iter().filter(|f| is_moved(*f)).collect();
    entries.sort_by_key(|f| f.index());

    let table = function_table(&p)?;
    let first_slot = p.tables.get(table).initial;
    let slot_of: BTreeMap<usize, u64> = entries
        .iter()
        .enumerate()
        .map(|(i, f)| (f.index(), first_slot + i as u64))
        .collect();

    // ---- The secondary: the same module, everything else imported. --------------------
    let mut s = parse(bytes, false)?;
    let s_locals: Vec<FunctionId> = s.funcs.iter_local().map(|(id, _)| id).collect();
    if s_locals.len() != locals.len() {
        return Err("the module did not read the same twice".into());
    }
    for id in s_locals {
        if moved.contains(&id.index()) {
            continue;
        }
        let ty = s.funcs.get(id).ty();
        let import = s.imports.add(
            PRIMARY_MODULE,
            &format!("f{}", id.index()),
            ImportKind::Function(id),
        );
        s.funcs.get_mut(id).kind = FunctionKind::Import(walrus::ImportedFunction { import, ty });
    }
    let globals: Vec<_> = s
        .globals
        .iter()
        .filter(|g| matches!(g.kind, GlobalKind::Local(_)))
        .map(|g| g.id())
        .collect();
    for g in globals {
        let import = s.imports.add(
            PRIMARY_MODULE,
            &format!("g{}", g.index()),
            ImportKind::Global(g),
        );
        s.globals.get_mut(g).kind = GlobalKind::Import(import);
    }
    let data: Vec<_> = s.data.iter().map(|d| d.id()).collect();
    for d in data {
        s.data.delete(d);
    }
    let memories: Vec<_> = s.memories.iter().map(|m| m.id()).collect();
    for mem in memories {
        if s.memories.get(mem).import.is_some() {
            continue;
        }
        let import = s.imports.add(
            PRIMARY_MODULE,
            &format!("m{}", mem.index()),
            ImportKind::Memory(mem),
        );
        let m = s.memories.get_mut(mem);
        m.import = Some(import);
        m.data_segments.clear();
    }
    for (memory, addr, bytes) in &idle_data {
        let mem = s
            .memories
            .iter()
            .find(|m| m.id().index() == memory.index())
            .map(|m| m.id())
            .ok_or("the secondary lost its memory")?;
        let id = s.data.add(
            DataKind::Active {
                memory: mem,
                offset: ConstExpr::Value(Value::I32(*addr)),
            },
            bytes.clone(),
        );
        s.memories.get_mut(mem).data_segments.insert(id);
    }
    let elements: Vec<_> = s.elements.iter().map(|e| e.id()).collect();
    for e in elements {
        s.elements.delete(e);
    }
    let tables: Vec<_> = s.tables.iter().map(|t| t.id()).collect();
    for t in tables {
        let tab = s.tables.get_mut(t);
        tab.elem_segments.clear();
        if tab.import.is_some() {
            continue;
        }
        tab.init = None;
        let import = s.imports.add(
            PRIMARY_MODULE,
            &format!("t{}", t.index()),
            ImportKind::Table(t),
        );
        let tab = s.tables.get_mut(t);
        tab.import = Some(import);
        if t.index() == table.index() {
            tab.initial = first_slot + entries.len() as u64;
            tab.maximum = None;
        }
    }
    let exports: Vec<_> = s.exports.iter().map(|e| e.id()).collect();
    for e in exports {
        s.exports.delete(e);
    }
    s.start = None;
    if !entries.is_empty() {
        let s_table = s
            .tables
            .iter()
            .find(|t| t.id().index() == table.index())
            .map(|t| t.id())
            .ok_or("the secondary lost its function table")?;
        let s_funcs: BTreeMap<usize, FunctionId> =
            s.funcs.iter().map(|f| (f.id().index(), f.id())).collect();
        let items = entries
            .iter()
            .map(|f| s_funcs.get(&f.index()).copied().ok_or("lost a function"))
            .collect::<Result<Vec<_>, _>>()?;
        let seg = s.elements.add(
            ElementKind::Active {
                table: s_table,
                offset: ConstExpr::Value(Value::I32(first_slot as i32)),
            },
            ElementItems::Functions(items),
        );
        s.tables.get_mut(s_table).elem_segments.insert(seg);
    }
    s.customs = Default::default();
    walrus::passes::gc::run(&mut s);
    let needed: Vec<String> = s
        .imports
        .iter()
        .filter(|i| i.module == PRIMARY_MODULE)
        .map(|i| i.name.clone())
        .collect();

    // ---- The primary: trampolines, placeholders, exports. ----------------------------
    let n = entries.len() as u64;
    {
        let tab = p.tables.get_mut(table);
        tab.initial += n;
        if let Some(max) = tab.maximum.as_mut() {
            *max += n;
        }
    }
    let mut placeholders = Vec::with_capacity(entries.len());
    for f in &entries {
        let ty = p.funcs.get(*f).ty();
        let slot = slot_of[&f.index()];
        let (ph, _) = p.add_import_func(PLACEHOLDER_MODULE, &slot.to_string(), ty);
        placeholders.push(ph);
        let (params, results) = {
            let (a, b) = p.types.params_results(ty);
            (a.to_vec(), b.to_vec())
        };
        let mut b = FunctionBuilder::new(&mut p.types, &params, &results);
        let args: Vec<_> = params.iter().map(|t| p.locals.add(*t)).collect();
        {
            let mut body = b.func_body();
            for a in &args {
                body.local_get(*a);
            }
            body.i32_const(slot as i32).call_indirect(ty, table);
        }
        let lf = b.local_func(args);
        p.funcs.get_mut(*f).kind = FunctionKind::Local(lf);
    }
    if !placeholders.is_empty() {
        let seg = p.elements.add(
            ElementKind::Active {
                table,
                offset: ConstExpr::Value(Value::I32(first_slot as i32)),
            },
            ElementItems::Functions(placeholders),
        );
        p.tables.get_mut(table).elem_segments.insert(seg);
    }
    // Moved functions that are not entries are now referenced by nothing in the primary
    // (their callers are moved too or trampolines): gc drops them. Entries keep a
    // trampoline body.
    let funcs: BTreeMap<usize, FunctionId> =
        p.funcs.iter().map(|f| (f.id().index(), f.id())).collect();
    let globals: BTreeMap<usize, walrus::GlobalId> =
        p.globals.iter().map(|g| (g.id().index(), g.id())).collect();
    let memories: BTreeMap<usize, walrus::MemoryId> = p
        .memories
        .iter()
        .map(|m| (m.id().index(), m.id()))
        .collect();
    let tables: BTreeMap<usize, TableId> =
        p.tables.iter().map(|t| (t.id().index(), t.id())).collect();
    for name in &needed {
        let (kind, idx) = name.split_at(1);
        let idx: usize = idx.parse().map_err(|_| format!("odd import {name}"))?;
        let item = match kind {
            "f" => funcs.get(&idx).map(|f| ExportItem::Function(*f)),
            "g" => globals.get(&idx).map(|g| ExportItem::Global(*g)),
            "m" => memories.get(&idx).map(|m| ExportItem::Memory(*m)),
            "t" => tables.get(&idx).map(|t| ExportItem::Table(*t)),
            _ => None,
        }
        .ok_or_else(|| format!("the secondary needs {name}, which the primary lacks"))?;
        p.exports.add(name, item);
    }
    p.exports.add(TABLE_EXPORT, ExportItem::Table(table));
    p.customs = Default::default();
    walrus::passes::gc::run(&mut p);

    Ok(Split {
        primary: p.emit_wasm(),
        secondary: s.emit_wasm(),
        moved: moved.len(),
        slots: entries.len(),
        first_slot,
        idle_data: (idle_data.iter().map(|r| r.2.len()).sum(), idle_data.len()),
    })
}

/// The module with its names and custom sections dropped (what ships when there is no
/// profile to split by).
pub fn strip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut m = parse(bytes, false)?;
    m.customs = Default::default();
    Ok(m.emit_wasm())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_words_leave_the_primary_and_keep_their_address() {
        let mut m = Module::with_config(config());
        let mem = m.memories.add_local(false, false, 1, None, None);
        let mut bytes = b"abc".to_vec();
        bytes.extend_from_slice(IDLE_DATA_START);
        bytes.extend_from_slice(b"Hello");
        bytes.extend_from_slice(IDLE_DATA_END);
        bytes.extend_from_slice(b"xyz");
        bytes.extend_from_slice(IDLE_DATA_START);
        bytes.extend_from_slice(b"Bye");
        bytes.extend_from_slice(IDLE_DATA_END);
        let run = IDLE_DATA_START.len() + IDLE_DATA_END.len();
        let id = m.data.add(
            DataKind::Active {
                memory: mem,
                offset: ConstExpr::Value(Value::I32(1000)),
            },
            bytes,
        );
        m.memories.get_mut(mem).data_segments.insert(id);
        let runs = take_idle_data(&mut m).expect("marked runs");
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].1, 1003);
        assert!(runs[0].2.starts_with(IDLE_DATA_START) && runs[0].2.ends_with(IDLE_DATA_END));
        assert_eq!(runs[0].2.len(), run + 5);
        assert_eq!(runs[1].1, 1003 + (run + 5) as i32 + 3);
        let mut kept: Vec<(i32, Vec<u8>)> = m
            .data
            .iter()
            .filter_map(|d| match &d.kind {
                DataKind::Active {
                    offset: ConstExpr::Value(Value::I32(a)),
                    ..
                } => Some((*a, d.value.clone())),
                _ => None,
            })
            .collect();
        kept.sort();
        assert_eq!(
            kept,
            vec![
                (1000, b"abc".to_vec()),
                (1003 + (run + 5) as i32, b"xyz".to_vec())
            ]
        );
        // A run that does not end is refused, not half moved.
        let mut m = Module::with_config(config());
        let mem = m.memories.add_local(false, false, 1, None, None);
        let mut bad = IDLE_DATA_START.to_vec();
        bad.extend_from_slice(b"no end");
        m.data.add(
            DataKind::Active {
                memory: mem,
                offset: ConstExpr::Value(Value::I32(8)),
            },
            bad,
        );
        assert!(take_idle_data(&mut m).is_err());
    }

    #[test]
    fn crate_hashes_are_dropped_from_names() {
        assert_eq!(
            normalise("<yew[2ab50da331c21d0]::html::X<kehoach_app[98ed56aeff397871]::a::B>>::view"),
            "<yew::html::X<kehoach_app::a::B>>::view"
        );
        assert_eq!(normalise("a[0]::b[x]"), "a::b[x]");
        assert_eq!(normalise("[]"), "[]");
        assert_eq!(normalise("f["), "f[");
    }
}
