import{es as r}from"./index-6sxy8btI.js";r("sales_channel_status",(e,s,l)=>({color:e?"grey":"green",label:l(e?"general.disabled":"general.enabled")}));
