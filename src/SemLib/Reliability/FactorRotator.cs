using MathNet.Numerics.LinearAlgebra;

namespace SemLib.Reliability;

/// <summary>Factor rotations reproducing R's implementations step for step (same start, same stopping rule), so
/// that the stopped iterates, not only the optima, agree with psych.</summary>
internal static class FactorRotator
{
    internal sealed record Rotated(Matrix<double> Loadings, Matrix<double>? Phi, bool Converged, int Iterations);

    /// <summary><c>stats::varimax(x, normalize, eps = 1e-5)</c> (Kaiser 1958), SVD-based iteration.</summary>
    public static (Matrix<double> Loadings, Matrix<double> Rotation, int Iterations) Varimax(Matrix<double> x, bool normalize = true, double eps = 1e-5)
    {
        int p = x.RowCount, k = x.ColumnCount;
        var sc = Vector<double>.Build.Dense(p, i => normalize ? Math.Sqrt(x.Row(i).DotProduct(x.Row(i))) : 1.0);
        var xn = x.Clone();
        for (int i = 0; i < p; i++) xn.SetRow(i, x.Row(i) / sc[i]);
        var tt = Matrix<double>.Build.DenseIdentity(k);
        double d = 0;
        int iter = 0;
        for (iter = 1; iter <= 1000; iter++)
        {
            var z = xn * tt;
            var colSq = Vector<double>.Build.Dense(k, j => z.Column(j).DotProduct(z.Column(j)) / p);
            var target = z.PointwisePower(3) - z * Matrix<double>.Build.DenseOfDiagonalVector(colSq);
            var b = xn.Transpose() * target;
            var svd = b.Svd(true);
            tt = svd.U * svd.VT;
            double dpast = d;
            d = svd.S.Sum();
            if (d < dpast * (1 + eps)) break;
        }
        var loadings = xn * tt;
        for (int i = 0; i < p; i++) loadings.SetRow(i, loadings.Row(i) * sc[i]);
        return (loadings, tt, iter);
    }

    /// <summary>psych's <c>kaiser(f, rotate = "Promax")</c>: rows scaled to unit length, psych's <c>Promax</c>
    /// (varimax, target x·|x|^(m−1), least-squares transformation rescaled to unit factor variances), then rescaled.</summary>
    public static Rotated Promax(Matrix<double> f, double power)
    {
        int p = f.RowCount, k = f.ColumnCount;
        var h = Vector<double>.Build.Dense(p, i => Math.Sqrt(f.Row(i).DotProduct(f.Row(i))));
        var w = f.Clone();
        for (int i = 0; i < p; i++) w.SetRow(i, f.Row(i) / h[i]);
        var (x, rotmat, iterations) = Varimax(w);
        var q = x.Map(v => v * Math.Pow(Math.Abs(v), power - 1));
        var u = x.Solve(q); // least squares (QR), R's lm.fit(x, Q)$coefficients
        var d = (u.Transpose() * u).Inverse().Diagonal();
        u = u * Matrix<double>.Build.DenseOfDiagonalVector(d.Map(Math.Sqrt));
        var z = x * u;
        var total = rotmat * u;
        var ui = total.Inverse();
        var phi = ui * ui.Transpose();
        for (int i = 0; i < p; i++) z.SetRow(i, z.Row(i) * h[i]);
        return new Rotated(z, phi, true, iterations);
    }

    /// <summary>
    /// <c>GPArotation::oblimin(L, gam, normalize)</c>: Jennrich's (2002) gradient projection algorithm for oblique
    /// rotation (<c>GPFoblq</c>, eps = 1e-5, maxit = 1000, start at the identity) with the oblimin criterion
    /// f = ¼ Σ (L²)∘((I − γ/p·11′) L² N), N = 11′ − I.
    /// </summary>
    public static Rotated Oblimin(Matrix<double> a, double gamma, bool normalize, double eps = 1e-5, int maxit = 1000)
    {
        int p = a.RowCount, k = a.ColumnCount;
        Vector<double>? weights = null;
        if (normalize)
        {
            weights = Vector<double>.Build.Dense(p, i => Math.Sqrt(a.Row(i).DotProduct(a.Row(i))));
            a = a.Clone();
            for (int i = 0; i < p; i++) a.SetRow(i, a.Row(i) / weights[i]);
        }
        var n = Matrix<double>.Build.Dense(k, k, (i, j) => i == j ? 0 : 1);
        (Matrix<double> Gq, double F) Criterion(Matrix<double> l)
        {
            var l2 = l.PointwisePower(2);
            var x = l2 * n;
            if (gamma != 0) x = (Matrix<double>.Build.DenseIdentity(p) - Matrix<double>.Build.Dense(p, p, gamma / p)) * x;
            return (l.PointwiseMultiply(x), l2.PointwiseMultiply(x).Enumerate().Sum() / 4);
        }
        double al = 1;
        var tmat = Matrix<double>.Build.DenseIdentity(k);
        var l = a * tmat.Inverse().Transpose();
        var (gq, f) = Criterion(l);
        var g = -(l.Transpose() * gq * tmat.Inverse()).Transpose();
        bool converged = false;
        int iter;
        for (iter = 0; iter <= maxit; iter++)
        {
            var colDot = Vector<double>.Build.Dense(k, j => tmat.Column(j).DotProduct(g.Column(j)));
            var gp = g - tmat * Matrix<double>.Build.DenseOfDiagonalVector(colDot);
            double s = gp.FrobeniusNorm();
            if (s < eps) { converged = true; break; }
            al *= 2;
            Matrix<double> tmatt = tmat;
            (Matrix<double> Gq, double F) vt = (gq, f);
            for (int i = 0; i <= 10; i++)
            {
                var x = tmat - al * gp;
                var v = Vector<double>.Build.Dense(k, j => 1 / Math.Sqrt(x.Column(j).DotProduct(x.Column(j))));
                tmatt = x * Matrix<double>.Build.DenseOfDiagonalVector(v);
                l = a * tmatt.Inverse().Transpose();
                vt = Criterion(l);
                if (f - vt.F > 0.5 * s * s * al) break;
                al /= 2;
            }
            tmat = tmatt;
            f = vt.F;
            gq = vt.Gq;
            g = -(l.Transpose() * gq * tmatt.Inverse()).Transpose();
        }
        if (weights is not null)
            for (int i = 0; i < p; i++) l.SetRow(i, l.Row(i) * weights[i]);
        return new Rotated(l, tmat.Transpose() * tmat, converged, iter);
    }
}
