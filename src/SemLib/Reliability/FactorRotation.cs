namespace SemLib.Reliability;

/// <summary>Rotation of an exploratory factor solution (names as <c>psych::fa(rotate = …)</c>).</summary>
public enum FactorRotation
{
    /// <summary>No rotation.</summary>
    None,

    /// <summary>Varimax (Kaiser 1958) as <c>stats::varimax</c>, which psych calls: Kaiser row normalization,
    /// tolerance 1e-5 on the criterion.</summary>
    Varimax,

    /// <summary>Promax (Hendrickson &amp; White 1964) as psych's <c>kaiser(rotate = "Promax")</c>: Kaiser-normalized
    /// rows, varimax, target = loadings^m (m = 4 by default), rescaled so the factors have unit variance.</summary>
    Promax,

    /// <summary>Direct oblimin (Jennrich 2002's gradient projection algorithm) as <c>GPArotation::oblimin</c>,
    /// gamma = 0 (quartimin) by default; psych calls it without Kaiser normalization, which is the default here too.</summary>
    Oblimin,
}
