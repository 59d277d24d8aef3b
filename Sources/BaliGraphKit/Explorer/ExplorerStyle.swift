/// The explorer page's style sheet: light and dark colours, visible focus, the states the
/// script puts on diagram elements (`hl`, `hl-neighbor`, `hl-edge`, `path-node`,
/// `path-edge`, `off`), and a print layout that keeps only the current view and the panel.
enum ExplorerStyle {
    /// The CSS text, inlined in a `<style>` element.
    static let source = #"""
        :root{--bg:#fff;--fg:#1d1f23;--muted:#545b66;--line:#c9ced6;--panel:#f5f6f8;
        --accent:#6420c9;--on-accent:#fff;--focus:#0b57d0;--warn:#8a4500;color-scheme:light dark}
        @media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e6e6e6;--muted:#aab1bb;
        --line:#3a3f47;--panel:#1f2227;--accent:#c9a8ff;--on-accent:#16181c;--focus:#8ab4ff;
        --warn:#ffcc80}}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",
        sans-serif;background:var(--bg);color:var(--fg)}
        header,footer{padding:.6rem 1rem}
        h1{font-size:1.35rem;margin:0}
        .meta,.hint,footer,label,.k,dt,.note{color:var(--muted)}
        .skip{position:absolute;left:.5rem;top:-4rem;padding:.4rem .7rem;background:var(--bg);
        color:var(--fg);border:2px solid var(--focus);z-index:10}
        .skip:focus{top:.5rem}
        .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
        white-space:nowrap}
        :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .controls{display:flex;flex-wrap:wrap;gap:.6rem 1.4rem;align-items:flex-end;
        padding:.5rem 1rem;border-block:1px solid var(--line);background:var(--panel)}
        .search{position:relative;display:flex;flex-direction:column;min-width:min(20rem,100%)}
        label{font-size:.85rem}
        input[type=text]{font:inherit;padding:.35rem .5rem;border:1px solid var(--muted);
        border-radius:4px;background:var(--bg);color:var(--fg)}
        #matches{position:absolute;top:100%;left:0;right:0;margin:2px 0 0;padding:0;
        list-style:none;background:var(--bg);border:1px solid var(--muted);border-radius:4px;
        max-height:22rem;overflow:auto;z-index:6;box-shadow:0 4px 12px #0004}
        #matches li{padding:.3rem .5rem;cursor:pointer}
        #matches li[aria-selected=true]{background:var(--accent);color:var(--on-accent)}
        #matches li[aria-selected=true] .k{color:inherit}
        .k{font-size:.85em}
        .sw{display:inline-block;width:.8em;height:.8em;border:1px solid var(--muted);
        border-radius:2px;margin-right:.35em;vertical-align:-.05em}
        #views.actual .canvas svg{max-width:none}
        .about{margin:.3rem 0 0;color:var(--muted)}
        .about p{max-width:60rem;margin:.3rem 0}
        button{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);
        border-radius:4px;padding:.2rem .6rem;cursor:pointer}
        button[aria-pressed=true]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
        .picker{display:flex;flex-wrap:wrap;gap:.3rem}
        .date{display:flex;gap:.4rem;align-items:center}
        output{min-width:4.5em;font-variant-numeric:tabular-nums}
        main{display:grid;grid-template-columns:minmax(0,1fr) minmax(18rem,27rem);gap:1rem;
        padding:1rem;align-items:start}
        @media (max-width:62rem){main{grid-template-columns:minmax(0,1fr)}}
        figure{margin:0}
        figcaption{font-weight:600;margin-bottom:.4rem}
        .canvas{overflow:auto;border:1px solid var(--line);border-radius:6px;max-height:80vh}
        .canvas svg{display:block;max-width:100%;height:auto}
        #panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;
        padding:.8rem 1rem;position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto}
        #panel h2{margin:.1rem 0 .2rem;font-size:1.2rem}
        #panel h3{font-size:1rem;margin:1rem 0 .3rem;border-bottom:1px solid var(--line)}
        #panel h4{font-size:.92rem;margin:.6rem 0 .2rem}
        #panel ul,#panel ol{margin:.2rem 0;padding-left:1.2rem}
        #panel li{margin:.15rem 0}
        #pathbox{border-bottom:1px solid var(--line);padding-bottom:.6rem;margin-bottom:.6rem}
        dl{display:grid;grid-template-columns:fit-content(9rem) minmax(0,1fr);gap:.15rem .8rem;
        margin:.5rem 0}
        dt,dd{margin:0;overflow-wrap:anywhere}
        dd ul{padding-left:1rem}
        .warn{color:var(--warn);font-weight:600}
        .note{font-size:.9em;margin:.1rem 0 .3rem}
        .actions{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0}
        a,.link{color:var(--accent)}
        .link{border:0;background:none;padding:0;text-decoration:underline;text-align:left}
        .paths button{text-align:left;margin:.15rem 0}
        .list section{margin-bottom:1rem}
        .list h3{font-size:1rem;margin:.4rem 0}
        .list ul{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:0}
        .list .off{display:none}
        .list .hl{background:var(--accent);color:var(--on-accent);border-color:var(--accent)}
        .list .hl-neighbor,.list .path-node{border:2px solid var(--accent)}
        .view .n{cursor:pointer}
        .has-hl .n,.has-hl .e{opacity:.22}
        .has-hl .hl,.has-hl .hl-neighbor,.has-hl .hl-edge,.has-hl .path-node,
        .has-hl .path-edge{opacity:1}
        g.n.off,g.e.off{opacity:.1!important}
        g.n.hl :is(polygon,ellipse,path,polyline),g.n.path-node :is(polygon,ellipse,path,polyline)
        {stroke:var(--accent)!important;stroke-width:4px!important}
        g.n.hl-neighbor :is(polygon,ellipse,path,polyline){stroke:var(--accent)!important;
        stroke-width:2px!important}
        g.e.hl-edge path{stroke-width:2.5px!important}
        g.e.path-edge path{stroke:var(--accent)!important;stroke-width:4px!important}
        g.e.path-edge polygon{fill:var(--accent)!important;stroke:var(--accent)!important}
        g.n:focus{outline:none}
        g.n:focus-visible :is(polygon,ellipse,path,polyline){stroke:var(--focus)!important;
        stroke-width:5px!important}
        @media print{
        .controls,.skip,.actions,.picker,#matches,#panel button:not(.link),.about,
        footer{display:none!important}
        body{background:#fff;color:#000;font-size:11pt}
        main{display:block;padding:0}
        .canvas{max-height:none;overflow:visible;border:0}
        #panel{position:static;max-height:none;overflow:visible;border:0;padding:0;
        margin-top:1rem;background:none;break-inside:auto}
        figure{break-inside:avoid}
        .link{color:#000;text-decoration:none}
        a{color:#000}
        a[href]:not(.raw)::after{content:" <" attr(href) ">";font-size:.85em;
        overflow-wrap:anywhere}
        .paths button[aria-pressed=true]{background:none;color:#000;font-weight:700}
        }

        """#
}
