import{a as r,u as s,r as t}from"./index-6sxy8btI.js";var c=()=>{const a=r("rbac"),e=s();return t.useEffect(()=>{a||e(-1)},[a,e]),a};export{c as u};
