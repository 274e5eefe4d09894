namespace SemLib.Reliability;

/// <summary>Heterotrait–monotrait ratios of correlations between constructs (see <see cref="Htmt"/>).</summary>
public sealed record HtmtResult
{
    /// <summary>The constructs, in order.</summary>
    public required IReadOnlyList<string> Constructs { get; init; }

    /// <summary>The symmetric HTMT matrix (1 on the diagonal).</summary>
    public required LabeledMatrix Matrix { get; init; }

    /// <summary>How the correlations were averaged.</summary>
    public required HtmtMean Mean { get; init; }

    /// <summary>True when absolute correlations were averaged.</summary>
    public required bool Absolute { get; init; }

    /// <summary>Number of complete rows the correlations came from (null when a correlation matrix was given).</summary>
    public required int? N { get; init; }

    /// <summary>The HTMT ratio of two constructs.</summary>
    public double Ratio(string a, string b) => Matrix[a, b];
}
