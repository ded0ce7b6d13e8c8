import{u as r,r as t,j as s}from"./index-6sxy8btI.js";var o=()=>{const e=r();return t.useEffect(()=>{e("/orders",{replace:!0})},[e]),s.jsx("div",{})};export{o as Component};
