#!/usr/bin/env python3
"""Compares the churn figures of two builds over seeds (benches/churn_seeds.sh): per figure,
the mean with its 95 % confidence interval and a two-sample Kolmogorov-Smirnov test."""
import sys, math, collections
def load(f):
    d=collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(f):
        plan,seed,name,p50,p95,p99,mx,share=line.split()
        key=(plan,name)
        for k,v in zip(("P50","P95","P99","max","runs out"),(p50,p95,p99,mx,share)):
            d[key][k].append(float(v))
    return d
def ks(a,b):
    a=sorted(a); b=sorted(b); n,m=len(a),len(b)
    vals=sorted(set(a+b)); i=j=0; D=0
    for v in vals:
        while i<n and a[i]<=v: i+=1
        while j<m and b[j]<=v: j+=1
        D=max(D,abs(i/n-j/m))
    en=math.sqrt(n*m/(n+m)); lam=(en+0.12+0.11/en)*D
    if D==0: return D,1.0
    p=2*sum((-1)**(k-1)*math.exp(-2*k*k*lam*lam) for k in range(1,101))
    return D,max(0,min(1,p))
def ms(x):
    n=len(x); mu=sum(x)/n; sd=math.sqrt(sum((v-mu)**2 for v in x)/(n-1)) if n>1 else 0
    return mu,sd,1.96*sd/math.sqrt(n)
A=load(sys.argv[1]); B=load(sys.argv[2])
print("| plan, range | figure | seeds | before: mean ± 95% CI | after: mean ± 95% CI | difference | KS D | KS p |")
print("|---|---|---|---|---|---|---|---|")
for key in A:
    if key not in B: continue
    for k in ("P50","P95","P99","max","runs out"):
        a,b=A[key][k],B[key][k]; n=min(len(a),len(b)); a,b=a[:n],b[:n]
        if k=="runs out" and max(a+b)==0: continue
        ma,sa,ca=ms(a); mb,sb,cb=ms(b); D,p=ks(a,b)
        f=(lambda v: f"{v:.4f}") if k=="runs out" else (lambda v: f"{v:.1f}")
        print(f"| {key[0]} {key[1]} | {k} | {n} | {f(ma)} ± {f(ca)} | {f(mb)} ± {f(cb)} | {f(mb-ma)} ({(mb-ma)/sa if sa else 0:+.2f} sd) | {D:.3f} | {p:.3f} |")
