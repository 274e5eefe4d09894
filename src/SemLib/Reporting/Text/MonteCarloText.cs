using System.Globalization;
using System.Text;
using SemLib.Simulation;
using static SemLib.Reporting.Text.TextColumns;
using SemLib.Syntax;

namespace SemLib.Reporting.Text;

/// <summary>
/// Monte Carlo studies (one per sample size, e.g. from <see cref="MonteCarlo.PowerCurve"/>) as plain text: per
/// sample size a line with the replications, convergence rate, inadmissible solutions, the failed replications by
/// reason (when some failed), mean χ² and the model
/// rejection rate, then a table of the parameters with population value, mean estimate, bias, relative bias, SE
/// ratio, coverage and power (three decimals; NA where a value does not exist). Lines carry no trailing blanks.
/// </summary>
public static class MonteCarloText
{
    /// <summary>The report as text (lines end with <see cref="Environment.NewLine"/>).</summary>
    public static string Format(IReadOnlyList<MonteCarloResult> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s.TrimEnd()).Append(Environment.NewLine);
        bool first = true;
        foreach (var s in studies)
        {
            if (!first) Line();
            first = false;
            Line($"N = {I(s.SampleSize)}: {I(s.Converged)} of {I(s.Replications)} replications converged (rate {F(s.ConvergenceRate)}), {I(s.Inadmissible)} inadmissible");
            if (s.Failures.Count > 0)
                Line($"  Failed replications: {I(s.Failed)} ({string.Join("; ", s.Failures.Select(f => $"{f.Key}: {I(f.Value)}"))})");
            Line($"  Model test: mean chi-square {F(s.MeanChiSquare)} on {I(s.Df)} df, rejected in a proportion of {F(s.ModelRejectionRate)} of the converged replications");
            Line();
            var rows = new List<string[]> { new[] { "Parameter", "Population", "Mean est", "Bias", "Rel.bias", "SE ratio", "Coverage", "Power" } };
            foreach (var p in s.Parameters)
            {
                string name = p.Op == ModelOperator.Intercept ? $"{p.Lhs} ~1" : $"{p.Lhs} {p.Op.ToLavaan()} {p.Rhs}";
                if (p.Label.Length > 0 && p.Op != ModelOperator.Defined) name += $" ({p.Label})";
                rows.Add([name, F(p.Population), F(p.MeanEstimate), F(p.Bias), F(p.RelativeBias), F(p.SeRatio), F(p.Coverage), F(p.Power)]);
            }
            foreach (var l in Layout(rows, 1)) Line("  " + l);
        }
        return text.ToString();
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
