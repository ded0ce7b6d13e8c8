var l="@medusajs/loyalty-plugin",n=a=>a?.find(e=>e.name===l);export{n as g};
