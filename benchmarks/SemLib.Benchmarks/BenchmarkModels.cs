using System.Text;
using SemLib.Data;
using SemLib.Simulation;

namespace SemLib.Benchmarks;

/// <summary>
/// The three model sizes the performance goals are stated for, with their data:
/// <list type="bullet">
/// <item>hs-cfa: Holzinger–Swineford 3-factor CFA, 9 indicators, N = 301 (the real data);</item>
/// <item>sem-29: the 218-firm design — 29 indicators, 8 first-order factors, a second-order factor, 9 structural
/// paths — fitted to N = 218 rows simulated from the design's standardized population values;</item>
/// <item>cfa-100: 10 correlated factors × 10 indicators, N = 1000 simulated rows.</item>
/// </list>
/// </summary>
public static class BenchmarkModels
{
    public const string HsCfa = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n";

    /// <summary>The 218-firm design's population model (standardized metric), cluster-upgrade-218.md.</summary>
    public const string Sem29Population = """
        scale =~ 0.78*sc1 + 0.72*sc2 + 0.81*sc3 + 0.66*sc4
        centr =~ 0.74*ce1 + 0.79*ce2 + 0.70*ce3 + 0.77*ce4
        ties  =~ 0.80*ti1 + 0.75*ti2 + 0.71*ti3 + 0.73*ti4
        acq   =~ 0.76*aq1 + 0.81*aq2 + 0.72*aq3 + 0.69*aq4
        crea  =~ 0.73*cr1 + 0.78*cr2 + 0.80*cr3 + 0.71*cr4
        proc  =~ 0.82*pr1 + 0.77*pr2 + 0.70*pr3
        prod  =~ 0.76*pd1 + 0.83*pd2 + 0.72*pd3
        func  =~ 0.71*fu1 + 0.77*fu2 + 0.79*fu3
        upg   =~ 0.82*proc + 0.86*prod + 0.74*func
        scale ~~ 0.45*centr + 0.30*ties
        centr ~~ 0.40*ties
        acq  ~ 0.35*scale + 0.30*centr + 0.10*ties
        crea ~ 0.05*scale + 0.25*centr + 0.30*ties + 0.30*acq
        upg  ~ 0.35*acq + 0.40*crea
        """;

    public const string Sem29 = """
        scale =~ sc1 + sc2 + sc3 + sc4
        centr =~ ce1 + ce2 + ce3 + ce4
        ties  =~ ti1 + ti2 + ti3 + ti4
        acq   =~ aq1 + aq2 + aq3 + aq4
        crea  =~ cr1 + cr2 + cr3 + cr4
        proc  =~ pr1 + pr2 + pr3
        prod  =~ pd1 + pd2 + pd3
        func  =~ fu1 + fu2 + fu3
        upg   =~ proc + prod + func
        acq  ~ scale + centr + ties
        crea ~ scale + centr + ties + acq
        upg  ~ acq + crea
        """;

    public static string Cfa100(bool population)
    {
        var sb = new StringBuilder();
        for (int f = 1; f <= 10; f++)
        {
            var items = Enumerable.Range(1, 10).Select(i => population
                ? $"{(0.5 + 0.03 * i).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}*y{f}_{i}"
                : $"y{f}_{i}");
            sb.Append($"f{f} =~ {string.Join(" + ", items)}\n");
        }
        if (population)
            for (int a = 1; a <= 10; a++)
                for (int b = a + 1; b <= 10; b++) sb.Append($"f{a} ~~ 0.3*f{b}\n");
        return sb.ToString();
    }

    public static (string Model, DataSet Data) Load(string name) => name switch
    {
        "hs-cfa" => (HsCfa, DataSet.ReadCsv(Path.Combine(AppContext.BaseDirectory, "data", "hs.csv"))),
        "sem-29" => (Sem29, PopulationModel.FromSyntax(Sem29Population, standardized: true).Sample(218, 218)),
        "cfa-100" => (Cfa100(false), PopulationModel.FromSyntax(Cfa100(true), standardized: true).Sample(1000, 1000)),
        _ => throw new ArgumentException($"Unknown benchmark model '{name}'.", nameof(name)),
    };
}
